/**
 * The pipeline survives its parts failing, with nothing lost and nothing doubled: the
 * embedder and then the detector are killed (SIGKILL) while faces are in flight and
 * started again, and at the end Redis itself, running with append-only persistence, is
 * killed and restarted. The records are the same as when nothing fails.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import {
  AdminApi,
  freePort,
  hasRedisServer,
  startLocalRedis,
  startStack,
  type LocalRedis,
  type RunningStack,
} from '@rollcall/stack';
import { waitFor } from '@rollcall/testing';
import Redis from 'ioredis';

import { buildFaceVideo, startRtspCamera, type RtspCamera, type TimedSegment } from '../fixtures';
import { describeIfScene, PEOPLE } from './support/entrance-scenario';
import { cameraStatus, enroll, todaysRecords } from './support/rollcall-client';

jest.setTimeout(300_000);

const [gore, peirsol, sharpton] = PEOPLE;

/** Long grey gaps, so each failure falls inside one person's time in view. */
const SCENE = [
  { seconds: 8 },
  { photo: gore?.seenPhoto, seconds: 3, who: gore?.name },
  { seconds: 6 },
  { photo: peirsol?.seenPhoto, seconds: 3, who: peirsol?.name },
  { seconds: 6 },
  { photo: sharpton?.seenPhoto, seconds: 3, who: sharpton?.name },
  { seconds: 3 },
];

// The Redis crash needs a Redis of the test's own, started from redis-server.
const describeWithRedisServer = hasRedisServer()
  ? describeIfScene
  : (name: string, fn: () => void) => {
      console.warn(`[skip] ${name}: redis-server is not installed (apt-get install redis-server)`);
      describe.skip(name, fn);
    };

describeWithRedisServer('failures in the middle of the stream', () => {
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'rollcall-e2e-failures-'));
  let stack: RunningStack;
  let api: AdminApi;
  let camera: RtspCamera | undefined;
  let restartedRedis: LocalRedis | undefined;
  let probe: Redis;

  beforeAll(async () => {
    const port = await freePort();
    stack = await startStack({
      // Nothing answers on this port: the stack starts its own Redis with an append-only file.
      redisUrl: `redis://127.0.0.1:${port}`,
      apiPort: 0,
      dataDir: workDir,
      // No frame may be dropped while a worker is down: the records must come out the same.
      env: { ROLLCALL_INGEST_FPS: '3', ROLLCALL_INGEST_MAX_LAG: '1000', LOG_LEVEL: 'info' },
    });
    api = new AdminApi(stack.apiUrl, stack.adminKey);
  });

  afterAll(async () => {
    probe?.disconnect();
    await camera?.close();
    await stack?.stop();
    await restartedRedis?.stop();
    rmSync(workDir, { recursive: true, force: true });
  });

  it('keeps every record, once, through a killed embedder, a killed detector and a Redis crash', async () => {
    expect(stack.redis).toBeDefined();
    const ids = await enroll(api, PEOPLE);
    const video = path.join(workDir, 'entrance.mp4');
    const scene = await buildFaceVideo(SCENE, video);

    camera = await startRtspCamera({ video, loop: false });
    const startedAt = Date.now();
    const { id: cameraId } = await api.post<{ id: string }>('/v1/cameras', {
      name: 'Front door',
      url: camera.url,
    });
    probe = new Redis(stack.redisUrl, { maxRetriesPerRequest: 1 });
    probe.on('error', () => undefined);

    // SIGKILL while the worker holds a message it has read and not finished, then the same
    // program under the same name, as a supervisor would restart it.
    const left = new Map<string, number>();
    const killWhileBusy = (name: string, segment: TimedSegment) =>
      atVideoTime(startedAt, segment.start, async () => {
        const service = stack.service(name);
        const deadline = startedAt + segment.end * 1000 + 3_000;
        let pending = 0;
        while (pending === 0 && Date.now() < deadline)
          pending = await pendingOf(probe, stack, name);
        await service.kill('SIGKILL');
        left.set(name, await pendingOf(probe, stack, name));
        service.start();
      });
    await Promise.all([
      killWhileBusy('embedder-1', appearance(scene, gore?.name)),
      killWhileBusy('detector-1', appearance(scene, peirsol?.name)),
    ]);
    // Both died holding work: what they had read is what their successors must finish.
    expect(left.get('embedder-1')).toBeGreaterThan(0);
    expect(left.get('detector-1')).toBeGreaterThan(0);

    const records = await waitFor(
      'three records',
      async () => {
        const found = await todaysRecords(api);
        return found.length >= 3 ? found : undefined;
      },
      { timeoutMs: 120_000, intervalMs: 500 },
    );
    // Let late duplicates, if any, arrive before counting.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    const settled = await todaysRecords(api);
    expect(settled).toEqual(records);
    expect(settled.map((r) => r.personId)).toEqual(PEOPLE.map((p) => ids.get(p.name)));
    expect(settled.every((r) => r.type === 'check_in' && r.cameraId === cameraId)).toBe(true);
    for (const [i, person] of PEOPLE.entries()) {
      const inView = appearance(scene, person.name);
      const at = Date.parse(settled[i]?.at ?? '') - startedAt;
      expect(at).toBeGreaterThanOrEqual(inView.start * 1000 - 500);
      expect(at).toBeLessThanOrEqual(inView.end * 1000 + 2_000);
    }

    // Redis crashes (SIGKILL, no shutdown) and comes back from its append-only file.
    // appendfsync everysec: writes older than a second are on disk; these are older.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const crashed = stack.redis;
    if (crashed === undefined) throw new Error('the stack did not start its own Redis');
    await crashed.kill();
    const restartAt = Date.now();
    restartedRedis = await startLocalRedis(crashed.port, crashed.dataDir);

    await waitFor(
      'the API to be ready again',
      async () => {
        const response = await fetch(`${stack.apiUrl}/ready`).catch(() => undefined);
        return response?.status === 200;
      },
      { timeoutMs: 30_000, intervalMs: 250 },
    );
    expect(await todaysRecords(api)).toEqual(settled);

    // Every service reconnected by itself: none exited, and ingest writes status again.
    await waitFor(
      'ingest to write the camera status after the restart',
      async () => Number((await cameraStatus(api, cameraId)).updatedAt) > restartAt,
      { timeoutMs: 30_000, intervalMs: 250 },
    );
    const stopped = [...stack.services.values()].filter((service) => !service.running);
    expect(stopped.map((service) => service.name)).toEqual([]);
  });
});

/** Entries the named worker holds pending: what it had read and not yet finished. */
async function pendingOf(redis: Redis, stack: RunningStack, name: string): Promise<number> {
  const embedder = name.startsWith('embedder');
  const stream = embedder ? stack.keys.faces : stack.keys.frames;
  const summary = (await redis.xpending(stream.key, embedder ? 'embedder' : 'detector')) as [
    number,
    unknown,
    unknown,
    [string, string][] | null,
  ];
  // An embedder's batch slots are consumers named `<name>.<slot>`.
  const own = (summary[3] ?? []).filter(
    ([consumer]) => consumer === name || consumer.startsWith(`${name}.`),
  );
  return own.reduce((sum, [, count]) => sum + Number(count), 0);
}

function appearance(scene: readonly TimedSegment[], name: string | undefined): TimedSegment {
  const segment = scene.find((s) => (s as { who?: string }).who === name);
  if (segment === undefined) throw new Error(`${String(name)} is not in the scene`);
  return segment;
}

/** Runs `action` when the video has played `seconds`, counted from `startedAt`. */
async function atVideoTime(
  startedAt: number,
  seconds: number,
  action: () => Promise<void>,
): Promise<void> {
  const wait = startedAt + seconds * 1000 - Date.now();
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, wait)));
  await action();
}
