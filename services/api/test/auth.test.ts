import { createApiKey, listApiKeys, revokeApiKey } from '../src';
import { codeOf, startTestApp, type TestApp } from './support/test-app';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});

afterAll(async () => {
  await t.close();
});

describe('API keys', () => {
  it('refuses an admin route without a key, with a wrong one or a malformed header', async () => {
    for (const authorization of [undefined, 'Bearer rk_not-a-key', 'Basic abc', 'Bearer']) {
      const headers = authorization === undefined ? {} : { authorization };
      const reply = await t.app.inject({ method: 'GET', url: '/v1/people', headers });
      expect(reply.statusCode).toBe(401);
      expect(codeOf(reply.body)).toBe('UNAUTHORIZED');
    }
  });

  it('lets a created key in, and keeps a revoked key out', async () => {
    const created = await createApiKey(t.redis, t.keys, 'integration');
    const headers = { authorization: `Bearer ${created.key}` };
    expect((await t.app.inject({ url: '/v1/people', headers })).statusCode).toBe(200);

    const stored = await t.redis.hgetall(t.keys.apiKeys);
    expect(JSON.stringify(stored)).not.toContain(created.key);
    expect((await listApiKeys(t.redis, t.keys)).map((k) => k.name)).toContain('integration');

    await revokeApiKey(t.redis, t.keys, created.id);
    const after = await t.app.inject({ url: '/v1/people', headers });
    expect(after.statusCode).toBe(401);
    await expect(revokeApiKey(t.redis, t.keys, created.id)).rejects.toMatchObject({
      code: 'API_KEY_NOT_FOUND',
    });
  });

  it('serves health, readiness, metrics and docs without a key', async () => {
    expect((await t.app.inject({ url: '/health' })).json()).toEqual({ status: 'ok' });

    // The vision client here points at a closed port: not ready, and saying why.
    const ready = await t.app.inject({ url: '/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({ redis: { ok: true }, vision: { ok: false } });

    const metrics = await t.app.inject({ url: '/metrics' });
    expect(metrics.statusCode).toBe(200);
    expect(metrics.body).toContain('rollcall_http_request_duration_seconds_bucket');

    const docs = await t.app.inject({ url: '/docs/json' });
    const paths = Object.keys((docs.json() as { paths: Record<string, unknown> }).paths);
    expect(paths).toEqual(
      expect.arrayContaining(['/v1/people', '/v1/people/{id}/faces', '/v1/attendance.csv']),
    );
  });

  it('answers unknown routes with NOT_FOUND', async () => {
    const reply = await t.app.inject({
      url: '/v1/nothing-here',
      headers: { authorization: t.auth },
    });
    expect(reply.statusCode).toBe(404);
    expect(codeOf(reply.body)).toBe('NOT_FOUND');
    expect(codeOf((await t.app.inject({ url: '/elsewhere' })).body)).toBe('NOT_FOUND');
  });
});
