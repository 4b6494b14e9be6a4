/**
 * From camera to attendance record, everything real: every service started as its own
 * process (as `pnpm start` does), people enrolled through the API from LFW photos, a video
 * of other photos of them and of strangers served over RTSP, the camera added through the
 * API. The records must be exactly the enrolled people's check-ins, at the times they
 * were in view, once each, and nothing for the strangers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { AdminApi, startStack, type RunningStack } from '@rollcall/stack';
import { connectRedis, deletePrefix, randomPrefix, waitFor } from '@rollcall/testing';

import { buildFaceVideo, startRtspCamera, type RtspCamera, type TimedSegment } from '../fixtures';
import { describeIfScene, PEOPLE, SCENE } from './support/entrance-scenario';
import { cameraStatus, enroll, todaysRecords } from './support/rollcall-client';

jest.setTimeout(300_000);

describeIfScene('camera to attendance record over RTSP', () => {
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'rollcall-e2e-'));
  const keyPrefix = randomPrefix('e2e');
  let stack: RunningStack;
  let api: AdminApi;
  let camera: RtspCamera | undefined;

  beforeAll(async () => {
    stack = await startStack({
      keyPrefix,
      apiPort: 0,
      dataDir: workDir,
      startRedis: false,
      // 3 fps keeps one embedder ahead of the camera on two cores; the vote (3 matches in
      // 2 s) then has 6 chances per face.
      env: { ROLLCALL_INGEST_FPS: '3', LOG_LEVEL: 'info' },
    });
    api = new AdminApi(stack.apiUrl, stack.adminKey);
  });

  afterAll(async () => {
    await camera?.close();
    await stack?.stop();
    const redis = connectRedis('e2e-cleanup');
    await deletePrefix(redis, keyPrefix);
    redis.disconnect();
    rmSync(workDir, { recursive: true, force: true });
  });

  it('checks in each enrolled person once, at the time they were in view; no stranger', async () => {
    const ids = await enroll(api, PEOPLE);
    const scene = await buildFaceVideo(SCENE, path.join(workDir, 'entrance.mp4'));

    camera = await startRtspCamera({ video: path.join(workDir, 'entrance.mp4'), loop: false });
    const startedAt = Date.now();
    const { id: cameraId } = await api.post<{ id: string }>('/v1/cameras', {
      name: 'Front door',
      url: camera.url,
    });

    const videoEnd = startedAt + (scene.at(-1)?.end ?? 0) * 1000;
    await waitFor(
      'the video to play and the pipeline to drain',
      () => Date.now() > videoEnd + 8_000,
      {
        timeoutMs: 120_000,
        intervalMs: 500,
      },
    );

    const records = await todaysRecords(api);
    const expected = PEOPLE.map((person) => ids.get(person.name));
    expect(records.map((r) => r.personId)).toEqual(expected);
    expect(records.every((r) => r.type === 'check_in' && r.cameraId === cameraId)).toBe(true);

    for (const [i, person] of PEOPLE.entries()) {
      const record = records[i];
      const inView = firstAppearance(scene, person.name);
      const at = Date.parse(record?.at ?? '') - startedAt;
      // Frame times are stamped by ingest on arrival: a little after the publisher's
      // clock, never before the face was in the video.
      expect(at).toBeGreaterThanOrEqual(inView.start * 1000 - 500);
      expect(at).toBeLessThanOrEqual(inView.end * 1000 + 2_000);
      expect(record?.score).toBeGreaterThanOrEqual(0.851);
    }
  });

  it('reports the camera offline when the RTSP stream ends, and online again when it is back', async () => {
    const running = camera;
    if (running === undefined) throw new Error('the first test did not start the camera');
    const { cameras } = await api.get<{ cameras: { id: string }[] }>('/v1/cameras');
    const cameraId = cameras[0]?.id ?? '';

    // The video was played once: the stream has ended, and ingest keeps trying.
    const offline = await waitFor(
      'the camera status to say offline',
      async () => {
        const status = await cameraStatus(api, cameraId);
        return status.state === 'offline' ? status : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 250 },
    );
    expect(offline.lastErrorCode).toMatch(/^CAMERA_/);

    await running.startPublisher();
    const online = await waitFor(
      'the camera status to say online after a reconnect',
      async () => {
        const status = await cameraStatus(api, cameraId);
        return status.state === 'online' && Number(status.reconnects) >= 1 ? status : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    expect(Number(online.fps)).toBeGreaterThanOrEqual(0);
  });
});

function firstAppearance(scene: readonly TimedSegment[], name: string): TimedSegment {
  const segment = scene.find((s) => (s as { who?: string }).who === name);
  if (segment === undefined) throw new Error(`${name} is not in the scene`);
  return segment;
}
