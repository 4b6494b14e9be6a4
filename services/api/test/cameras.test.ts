import { codeOf, startTestApp, type TestApp } from './support/test-app';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});

afterAll(async () => {
  await t.close();
});

function call(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) {
  return t.app.inject({ method, url, payload, headers: { authorization: t.auth } });
}

async function changes(): Promise<Record<string, string>[]> {
  const entries = await t.redis.xrange(t.keys.cameraChanges.key, '-', '+');
  return entries.map(([, flat]) => {
    const fields: Record<string, string> = {};
    for (let i = 0; i + 1 < flat.length; i += 2) fields[flat[i] as string] = flat[i + 1] as string;
    return fields;
  });
}

describe('/v1/cameras', () => {
  it('creates, reads with status, lists, changes and deletes a camera, announced', async () => {
    const url = 'rtsp://admin:secret@10.0.0.5:554/stream1';
    const created = await call('POST', '/v1/cameras', { name: 'Front door', url, fps: 5 });
    expect(created.statusCode).toBe(201);
    const { id } = created.json<{ id: string }>();

    // Ingest reports status in its hash; the API shows it as is while it is fresh.
    await t.redis.hset(t.keys.cameraStatus(id), {
      state: 'streaming',
      lastFrameAtMs: '1700',
      updatedAt: String(Date.now()),
    });
    const read = await call('GET', `/v1/cameras/${id}`);
    expect(read.json()).toMatchObject({
      id,
      name: 'Front door',
      url: 'rtsp://admin:***@10.0.0.5:554/stream1',
      fps: 5,
      role: 'entry',
      threshold: null,
      status: { state: 'streaming', lastFrameAtMs: '1700' },
    });
    expect(await t.redis.hget(t.keys.cameraConfig(id), 'url')).toBe(url);

    const changed = await call('PATCH', `/v1/cameras/${id}`, { role: 'exit', fps: null });
    expect(changed.json()).toMatchObject({ role: 'exit', fps: null });
    expect(await t.redis.hget(t.keys.cameraConfig(id), 'role')).toBe('exit');

    const listed = await call('GET', '/v1/cameras');
    expect(listed.json<{ cameras: { id: string }[] }>().cameras.map((c) => c.id)).toEqual([id]);

    expect((await call('DELETE', `/v1/cameras/${id}`)).statusCode).toBe(204);
    expect(codeOf((await call('GET', `/v1/cameras/${id}`)).body)).toBe('CAMERA_NOT_FOUND');
    expect(await t.redis.exists(t.keys.cameraStatus(id))).toBe(0);

    expect(await changes()).toEqual([
      { v: '1', cameraId: id, change: 'upserted' },
      { v: '1', cameraId: id, change: 'upserted' },
      { v: '1', cameraId: id, change: 'deleted' },
    ]);
  });

  it('refuses a URL ingest cannot open and fields of the wrong type', async () => {
    const badUrl = await call('POST', '/v1/cameras', { name: 'x', url: 'gopher://cam' });
    expect(badUrl.statusCode).toBe(400);
    expect(codeOf(badUrl.body)).toBe('CAMERA_URL_INVALID');

    const badRole = await call('POST', '/v1/cameras', {
      name: 'x',
      url: '/dev/video0',
      role: 'in',
    });
    expect(badRole.json()).toMatchObject({ error: { details: { field: 'body.role' } } });
    const badFps = await call('POST', '/v1/cameras', { name: 'x', url: '/dev/video0', fps: '5' });
    expect(badFps.json()).toMatchObject({ error: { details: { field: 'body.fps' } } });
  });
});

describe('/v1/settings', () => {
  it('reads defaults, changes some, and refuses an unknown time zone', async () => {
    expect((await call('GET', '/v1/settings')).json()).toEqual({
      threshold: null,
      cooldownMs: 14_400_000,
      voteWindowMs: 2000,
      timeZone: 'UTC',
      workdays: ['mon', 'tue', 'wed', 'thu', 'fri'],
    });

    const changed = await call('PATCH', '/v1/settings', {
      threshold: 0.42,
      timeZone: 'Europe/Berlin',
    });
    expect(changed.json()).toMatchObject({ threshold: 0.42, timeZone: 'Europe/Berlin' });
    expect((await call('PATCH', '/v1/settings', { threshold: null })).json()).toMatchObject({
      threshold: null,
    });

    const badZone = await call('PATCH', '/v1/settings', { timeZone: 'Mars/Olympus' });
    expect(badZone.json()).toMatchObject({
      error: { code: 'INVALID_ARGUMENT', details: { field: 'timeZone' } },
    });
    const badWindow = await call('PATCH', '/v1/settings', { voteWindowMs: 0 });
    expect(badWindow.json()).toMatchObject({ error: { details: { field: 'body.voteWindowMs' } } });
  });
});
