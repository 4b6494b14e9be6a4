import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { RecordStore, type AttendanceRecord } from '@rollcall/attendance';

import { codeOf, startTestApp, type TestApp } from './support/test-app';

function builtConsole(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'rollcall-console-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Rollcall</title>');
  writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), 'console.log(1);');
  return dir;
}

function record(recordId: string, personId: string, atMs = Date.now()): AttendanceRecord {
  return {
    recordId,
    personId,
    type: 'check_in',
    atMs,
    cameraId: 'cam_door',
    score: 0.83,
    trackId: 't1',
    faceId: 'cam_door:7:0',
  };
}

/** Reads `attendance` events from the SSE route until `count` have come or it times out. */
function readEvents(url: string, auth: string, count: number, onOpen: () => Promise<void>) {
  return new Promise<{ id: string; data: Record<string, unknown> }[]>((resolve, reject) => {
    const events: { id: string; data: Record<string, unknown> }[] = [];
    const req = request(url, { headers: { authorization: auth } }, (res) => {
      if (res.statusCode !== 200) reject(new Error(`status ${res.statusCode}`));
      expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        const blocks = buffer.split('\n\n');
        buffer = blocks.pop() ?? '';
        for (const block of blocks) {
          const lines = block.split('\n');
          const id = lines.find((l) => l.startsWith('id: '))?.slice(4);
          const data = lines.find((l) => l.startsWith('data: '))?.slice(6);
          if (id !== undefined && data !== undefined) {
            events.push({ id, data: JSON.parse(data) as Record<string, unknown> });
          }
        }
        if (events.length >= count) {
          req.destroy();
          resolve(events);
        }
      });
    });
    req.on('error', (error) => {
      if (events.length < count) reject(error);
    });
    req.end();
    setTimeout(() => {
      onOpen().catch(reject);
    }, 200);
    setTimeout(() => {
      req.destroy();
      reject(new Error(`only ${events.length} of ${count} events came`));
    }, 10_000);
  });
}

describe('the console routes', () => {
  let t: TestApp;
  let url: string;
  let personId: string;

  beforeAll(async () => {
    t = await startTestApp({ consoleDir: builtConsole() });
    url = await t.app.listen({ host: '127.0.0.1', port: 0 });
    const created = await t.app.inject({
      method: 'POST',
      url: '/v1/people',
      headers: { authorization: t.auth },
      payload: { name: 'Grace' },
    });
    personId = created.json<{ id: string }>().id;
  });

  afterAll(async () => {
    await t.close();
  });

  it('serves the built console at / without a key, assets cached for good', async () => {
    const page = await t.app.inject({ url: '/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<title>Rollcall</title>');

    const asset = await t.app.inject({ url: '/assets/index-abc123.js' });
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(asset.headers['cache-control']).toContain('immutable');
    expect((await t.app.inject({ url: '/assets/../index.html' })).statusCode).not.toBe(500);
    expect((await t.app.inject({ url: '/assets/nothing.js' })).statusCode).toBe(404);
  });

  it('streams the latest records, then new ones, as server-sent events', async () => {
    const store = new RecordStore(t.redis, t.keys, 'UTC');
    await store.write({ record: record('before', personId, Date.now() - 60_000) });

    const events = await readEvents(`${url}/v1/events/attendance?recent=5`, t.auth, 2, async () => {
      await store.write({ record: record('after', personId) });
    });
    expect(events.map((e) => e.data.recordId)).toEqual(['before', 'after']);
    expect(events[1]?.data).toMatchObject({
      type: 'check_in',
      personName: 'Grace',
      cameraId: 'cam_door',
      cameraName: null,
      thumbnailUrl: `/v1/people/${personId}/thumbnail`,
    });
    expect(events[1]?.id).toMatch(/^\d+-\d+$/);
  });

  it('refuses the feed without a key', async () => {
    const reply = await t.app.inject({ url: '/v1/events/attendance' });
    expect(reply.statusCode).toBe(401);
  });

  it('answers with codes when there is no picture to show', async () => {
    const thumb = await t.app.inject({
      url: `/v1/people/${personId}/thumbnail`,
      headers: { authorization: t.auth },
    });
    expect([thumb.statusCode, codeOf(thumb.body)]).toEqual([404, 'SAMPLE_NOT_FOUND']);

    const face = await t.app.inject({
      url: `/v1/live/faces/cam_door:7:0?at=${Date.now()}`,
      headers: { authorization: t.auth },
    });
    expect([face.statusCode, codeOf(face.body)]).toEqual([404, 'FACE_CROP_EXPIRED']);

    const camera = await t.app.inject({
      method: 'POST',
      url: '/v1/cameras',
      headers: { authorization: t.auth },
      payload: { name: 'Door', url: 'rtsp://127.0.0.1:1/none' },
    });
    const id = camera.json<{ id: string }>().id;
    const frame = await t.app.inject({
      url: `/v1/cameras/${id}/frame`,
      headers: { authorization: t.auth },
    });
    expect([frame.statusCode, codeOf(frame.body)]).toEqual([404, 'FRAME_NOT_FOUND']);
    const sightings = await t.app.inject({
      url: `/v1/cameras/${id}/sightings`,
      headers: { authorization: t.auth },
    });
    expect(sightings.json()).toEqual({ frameSeq: null, capturedAtMs: null, sightings: [] });
  });

  it('reports the vision side down on /v1/system, and refuses a preview that is no image', async () => {
    const system = await t.app.inject({ url: '/v1/system', headers: { authorization: t.auth } });
    expect(system.json()).toMatchObject({ vision: 'grpc', pack: null });
    expect(system.json<{ packError: string }>().packError.length).toBeGreaterThan(0);

    const preview = await t.app.inject({
      method: 'POST',
      url: '/v1/vision/preview',
      headers: { authorization: t.auth, 'content-type': 'text/plain' },
      payload: 'hello',
    });
    expect([preview.statusCode, codeOf(preview.body)]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
  });
});

describe('an API without a built console', () => {
  it('says at / how to build it', async () => {
    const t = await startTestApp({ consoleDir: path.join(tmpdir(), 'no-such-console') });
    try {
      const page = await t.app.inject({ url: '/' });
      expect(page.statusCode).toBe(503);
      expect(page.body).toContain('pnpm build');
    } finally {
      await t.close();
    }
  });
});
