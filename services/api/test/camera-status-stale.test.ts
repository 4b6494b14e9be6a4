/**
 * A camera status hash that ingest stopped rewriting must not keep saying `online`: the
 * camera route and the `rollcall_camera_online` metric both judge it stale past the bound.
 */
import { CAMERA_STATUS_STALE_MS } from '../src/cameras/camera-freshness';
import { startTestApp, type TestApp } from './support/test-app';

let t: TestApp;
let now = 1_800_000_000_000;

beforeAll(async () => {
  t = await startTestApp({ clock: () => now });
});

afterAll(async () => {
  await t.close();
});

async function addCamera(): Promise<string> {
  const created = await t.app.inject({
    method: 'POST',
    url: '/v1/cameras',
    headers: { authorization: t.auth },
    payload: { name: 'Door', url: '/dev/video0' },
  });
  return created.json<{ id: string }>().id;
}

async function statusOf(id: string): Promise<Record<string, string>> {
  const read = await t.app.inject({ url: `/v1/cameras/${id}`, headers: { authorization: t.auth } });
  return read.json<{ status: Record<string, string> }>().status;
}

async function onlineMetric(id: string): Promise<string | undefined> {
  const body = (await t.app.inject({ url: '/metrics' })).body;
  const line = body.split('\n').find((l) => l.startsWith(`rollcall_camera_online{camera="${id}"}`));
  return line?.split(' ')[1];
}

describe('a camera status ingest stopped writing', () => {
  it('reads online while fresh, then unknown with the last state kept, and the metric drops', async () => {
    const id = await addCamera();
    await t.redis.hset(t.keys.cameraStatus(id), {
      state: 'online',
      fps: '5.00',
      updatedAt: String(now),
    });

    now += CAMERA_STATUS_STALE_MS;
    expect(await statusOf(id)).toMatchObject({ state: 'online' });
    expect((await statusOf(id)).stale).toBeUndefined();
    expect(await onlineMetric(id)).toBe('1');

    now += 1;
    expect(await statusOf(id)).toEqual({
      state: 'unknown',
      lastState: 'online',
      stale: 'true',
      fps: '5.00',
      updatedAt: String(now - CAMERA_STATUS_STALE_MS - 1),
    });
    expect(await onlineMetric(id)).toBe('0');
  });

  it('treats a status without updatedAt as stale and leaves an empty one empty', async () => {
    const id = await addCamera();
    expect(await statusOf(id)).toEqual({});

    await t.redis.hset(t.keys.cameraStatus(id), { state: 'online' });
    expect(await statusOf(id)).toMatchObject({ state: 'unknown', lastState: 'online' });
    expect(await onlineMetric(id)).toBe('0');
  });
});
