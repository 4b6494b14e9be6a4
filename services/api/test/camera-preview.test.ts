import { encodeEntry } from '@rollcall/contracts';
import { appendEntry } from '@rollcall/streams';

import { codeOf, startTestApp, type TestApp } from './support/test-app';

let t: TestApp;
let cameraId: string;

beforeAll(async () => {
  t = await startTestApp();
  const reply = await t.app.inject({
    method: 'POST',
    url: '/v1/cameras',
    headers: { authorization: t.auth },
    payload: { name: 'Door', url: 'rtsp://127.0.0.1:1/none' },
  });
  cameraId = reply.json<{ id: string }>().id;
});

afterAll(async () => {
  await t.close();
});

async function frame(seq: number, capturedAtMs: number, camera = cameraId) {
  await appendEntry(
    t.redis,
    t.keys.frames,
    encodeEntry('Frame', {
      cameraId: camera,
      seq,
      capturedAtMs,
      width: 2,
      height: 2,
      image: { $case: 'jpeg', value: Buffer.from([0xff, 0xd8, seq]) },
    }),
  );
}

async function match(seq: number, index: number, capturedAtMs: number, camera = cameraId) {
  await appendEntry(
    t.redis,
    t.keys.matches,
    encodeEntry('FaceMatched', {
      face: {
        faceId: `${camera}:${seq}:${index}`,
        cameraId: camera,
        frameSeq: seq,
        capturedAtMs,
        box: { x: 10 * index, y: 0, width: 5, height: 5 },
        quality: undefined,
        landmarks: [],
        detectionScore: 0.9,
        facesInFrame: 2,
      },
      modelId: 'm',
      personId: '',
      score: 0.2,
      threshold: 0.5,
      candidates: [],
      vectorF32: Buffer.alloc(0),
    }),
  );
}

async function sightings() {
  const reply = await t.app.inject({
    url: `/v1/cameras/${cameraId}/sightings`,
    headers: { authorization: t.auth },
  });
  return reply.json<{ frameSeq: number | null; sightings: { box: { x: number } }[] }>();
}

describe('camera preview: boxes of the frame shown, and only of it', () => {
  it('names the newest matched frame and its faces, not those of earlier frames', async () => {
    const start = Date.now() - 10_000;
    await frame(1, start);
    await match(1, 0, start);
    await match(1, 1, start);
    await frame(2, start + 200);
    await match(2, 3, start + 200);
    await match(2, 3, start + 200); // redelivered: drawn once
    await frame(3, start + 400);
    await match(99, 0, start + 400, 'cam_other');

    const shown = await sightings();
    expect(shown.frameSeq).toBe(2);
    expect(shown.sightings.map((s) => s.box.x)).toEqual([30]);

    const jpeg = await t.app.inject({
      url: `/v1/cameras/${cameraId}/frame?seq=2`,
      headers: { authorization: t.auth },
    });
    expect([jpeg.statusCode, jpeg.headers['x-frame-seq']]).toEqual([200, '2']);
    expect([...jpeg.rawPayload]).toEqual([0xff, 0xd8, 2]);
  });

  it('after a cut to a scene without faces, shows the newest frame with no boxes', async () => {
    await frame(4, Date.now());
    expect(await sightings()).toMatchObject({ frameSeq: 4, sightings: [] });

    const gone = await t.app.inject({
      url: `/v1/cameras/${cameraId}/frame?seq=1234`,
      headers: { authorization: t.auth },
    });
    expect([gone.statusCode, codeOf(gone.body)]).toEqual([404, 'FRAME_NOT_FOUND']);
  });
});
