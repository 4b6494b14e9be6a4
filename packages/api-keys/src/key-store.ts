import { RollcallError } from '@rollcall/errors';
import { createKeySpace } from '@rollcall/streams';
import Redis from 'ioredis';

import { loadApiSettings } from '../config/api-settings';
import {
  createApiKey,
  listApiKeys,
  revokeApiKey,
  type ApiKeyRecord,
  type CreatedApiKey,
} from './api-keys';

/** The API key functions on the Redis the settings name, for the command line. */
export interface ApiKeyStore {
  create(name: string): Promise<CreatedApiKey>;
  list(): Promise<ApiKeyRecord[]>;
  revoke(id: string): Promise<ApiKeyRecord>;
}

/**
 * Runs `action` on the API keys of the Redis at `REDIS_URL` under `ROLLCALL_KEY_PREFIX`
 * (the settings the API reads), then disconnects. A Redis that does not answer within
 * a few seconds is `REDIS_UNAVAILABLE`, not a hang.
 */
export async function withApiKeyStore<T>(
  action: (store: ApiKeyStore) => Promise<T>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<T> {
  const settings = loadApiSettings(env);
  const redis = new Redis(settings.redisUrl, {
    connectionName: 'rollcall-keys',
    lazyConnect: true,
    connectTimeout: 3_000,
    maxRetriesPerRequest: 1,
    retryStrategy: () => null,
  });
  const keys = createKeySpace(settings.keyPrefix);

  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    throw new RollcallError(
      'REDIS_UNAVAILABLE',
      `Redis at ${settings.redisUrl} did not answer; start it or set REDIS_URL.`,
      { cause: error },
    );
  }
  try {
    return await action({
      create: (name) => createApiKey(redis, keys, name),
      list: () => listApiKeys(redis, keys),
      revoke: (id) => revokeApiKey(redis, keys, id),
    });
  } finally {
    await redis.quit();
  }
}
