import { isRollcallError } from '@rollcall/errors';
import { createKeySpace } from '@rollcall/streams';
import {
  REDIS_URL,
  connectRedis,
  deletePrefix,
  requireRedis,
  testKeySpace,
} from '@rollcall/testing';

import { createApiKey, listApiKeys, revokeApiKey, verifyApiKey, withApiKeyStore } from '../src';

const redis = connectRedis('api-keys-test');
const keys = testKeySpace('api-keys', createKeySpace);

beforeAll(() => requireRedis(redis));
afterAll(async () => {
  await deletePrefix(redis, keys.prefix);
  await redis.quit();
});

describe('API keys', () => {
  it('stores only the sha256, verifies the key, and stops verifying it once revoked', async () => {
    const created = await createApiKey(redis, keys, '  hr-sync ', { now: () => 1_000 });

    expect(created).toMatchObject({ name: 'hr-sync', createdAtMs: 1_000 });
    const stored = await redis.hgetall(keys.apiKeys);
    expect(Object.keys(stored)).toEqual([expect.stringMatching(/^[0-9a-f]{64}$/)]);
    expect(JSON.stringify(stored)).not.toContain(created.key);
    expect(await verifyApiKey(redis, keys, created.key)).toMatchObject({ id: created.id });
    expect(await verifyApiKey(redis, keys, `${created.key}x`)).toBeUndefined();

    await revokeApiKey(redis, keys, created.id);
    expect(await verifyApiKey(redis, keys, created.key)).toBeUndefined();
    expect(await listApiKeys(redis, keys)).toEqual([]);
  });

  it('refuses an empty name and an unknown id with codes', async () => {
    await expect(createApiKey(redis, keys, '   ')).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    const error: unknown = await revokeApiKey(redis, keys, 'k_none').catch((e: unknown) => e);
    expect(isRollcallError(error, 'API_KEY_NOT_FOUND')).toBe(true);
  });

  it('works on the Redis and prefix the settings name, and says when Redis is away', async () => {
    const env = { REDIS_URL, ROLLCALL_KEY_PREFIX: keys.prefix };
    const made = await withApiKeyStore((store) => store.create('cli'), env);
    expect(await verifyApiKey(redis, keys, made.key)).toMatchObject({ name: 'cli' });

    const away = withApiKeyStore((store) => store.list(), { REDIS_URL: 'redis://127.0.0.1:1' });
    await expect(away).rejects.toMatchObject({ code: 'REDIS_UNAVAILABLE' });
  });
});
