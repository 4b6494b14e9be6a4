import { encodeEntry } from '@rollcall/contracts';
import { appendEntry, flattenMessage } from '@rollcall/streams';

import { startTestApp, type TestApp } from './support/test-app';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});

afterAll(async () => {
  await t.close();
});

function metric(body: string, line: string): number | undefined {
  const found = body.split('\n').find((l) => l.startsWith(`${line} `));
  return found === undefined ? undefined : Number(found.slice(line.length + 1));
}

describe('/metrics: the pipeline as Redis holds it', () => {
  it('reports stream counts, group lag and pending, camera counts and frame-to-match latency', async () => {
    const { redis, keys } = t;
    // Three frames, a detector group that has taken one and acknowledged none.
    for (let seq = 0; seq < 3; seq += 1) {
      await appendEntry(
        redis,
        keys.frames,
        encodeEntry('Frame', {
          cameraId: 'cam_a',
          seq,
          capturedAtMs: Date.now(),
          width: 2,
          height: 2,
          image: { $case: 'jpeg', value: Buffer.from([0xff, 0xd8]) },
        }),
      );
    }
    await redis.xgroup('CREATE', keys.frames.key, 'detector', '0');
    await redis.xreadgroup('GROUP', 'detector', 'd1', 'COUNT', 1, 'STREAMS', keys.frames.key, '>');

    // A match appended 250 ms after its frame was captured.
    const capturedAtMs = Date.now() - 250;
    await redis.call(
      'XADD',
      keys.matches.key,
      `${capturedAtMs + 250}-0`,
      ...flattenMessage(
        encodeEntry('FaceMatched', {
          face: {
            faceId: 'cam_a:0:0',
            cameraId: 'cam_a',
            frameSeq: 0,
            capturedAtMs,
            box: undefined,
            quality: undefined,
            landmarks: [],
            detectionScore: 0.9,
            facesInFrame: 1,
          },
          modelId: 'm',
          personId: '',
          score: 0.1,
          threshold: 0.5,
          candidates: [],
          vectorF32: Buffer.alloc(0),
        }),
      ),
    );

    await redis.sadd(keys.cameras, 'cam_a');
    await redis.hset(keys.cameraStatus('cam_a'), {
      state: 'online',
      published: '120',
      dropped: '7',
      fps: '4.98',
      updatedAt: String(Date.now()),
    });

    const body = (await t.app.inject({ url: '/metrics' })).body;
    expect(metric(body, 'rollcall_stream_entries_added{stream="frames"}')).toBe(3);
    expect(metric(body, 'rollcall_stream_group_lag{stream="frames",group="detector"}')).toBe(2);
    expect(metric(body, 'rollcall_stream_group_pending{stream="frames",group="detector"}')).toBe(1);
    expect(metric(body, 'rollcall_stream_dead_letters{stream="frames"}')).toBe(0);
    expect(metric(body, 'rollcall_camera_frames_published{camera="cam_a"}')).toBe(120);
    expect(metric(body, 'rollcall_camera_frames_dropped{camera="cam_a"}')).toBe(7);
    expect(metric(body, 'rollcall_camera_online{camera="cam_a"}')).toBe(1);
    expect(metric(body, 'rollcall_frame_to_match_seconds{quantile="0.5"}')).toBeCloseTo(0.25, 3);
  });
});
