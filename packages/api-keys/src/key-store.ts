import { loadConfig } from '@rollcall/config';
import { RollcallError } from '@rollcall/errors';
import { createKeySpace, redisSettingsShape } from '@rollcall/streams';
import Redis from 'ioredis';
import { z } from 'zod';

import {
  createApiKey,
  listApiKeys,
  revokeApiKey,
  type ApiKeyRecord,
  type CreatedApiKey,
} from './api-keys';
import type { Role } from './roles';
import { createUser, deleteUser, listUsers, type NewUser, type UserRecord } from './users';

/** The API key and user account functions on the Redis the settings name, for the CLI. */
export interface ApiKeyStore {
  create(name: string, role?: Role): Promise<CreatedApiKey>;
  list(): Promise<ApiKeyRecord[]>;
  revoke(id: string): Promise<ApiKeyRecord>;
  createUser(user: NewUser): Promise<UserRecord>;
  listUsers(): Promise<UserRecord[]>;
  deleteUser(username: string): Promise<UserRecord>;
}

/** The two settings the key store reads, as every service reads them. */
const settingsSchema = z.object(redisSettingsShape).transform((env) => ({
  redisUrl: env.REDIS_URL,
  keyPrefix: env.ROLLCALL_KEY_PREFIX,
}));

/**
 * Runs `action` on the API keys of the Redis at `REDIS_URL` under `ROLLCALL_KEY_PREFIX`
 * (the settings the API reads), then disconnects. A Redis that does not answer within
 * a few seconds is `REDIS_UNAVAILABLE`, not a hang.
 */
export async function withApiKeyStore<T>(
  action: (store: ApiKeyStore) => Promise<T>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<T> {
  const settings = loadConfig(settingsSchema, env);
  const redis = new Redis(settings.redisUrl, {
    connectionName: 'rollcall-keys',
    lazyConnect: true,
    connectTimeout: 3_000,
    maxRetriesPerRequest: 1,
    retryStrategy: () => null,
  });
  // A refused connection rejects `connect()` below, which says what to do; without a
  // listener ioredis would also print its own "Unhandled error event" with a stack.
  redis.on('error', () => undefined);
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
      create: (name, role) => createApiKey(redis, keys, name, { role }),
      list: () => listApiKeys(redis, keys),
      revoke: (id) => revokeApiKey(redis, keys, id),
      createUser: (user) => createUser(redis, keys, user),
      listUsers: () => listUsers(redis, keys),
      deleteUser: (username) => deleteUser(redis, keys, username),
    });
  } finally {
    await redis.quit();
  }
}
