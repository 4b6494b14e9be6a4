/**
 * The Redis half of most integration test files in one call: a named connection, a key
 * space under a fresh prefix, a reachability check before the first test and, after the
 * last, every key under each prefix the file used deleted and the connection closed.
 */
import type Redis from 'ioredis';
import type { RedisOptions } from 'ioredis';

import { randomPrefix } from './key-prefix';
import { connectRedis, deletePrefix, requireRedis } from './redis';

/** What {@link useTestRedis} gives a test file. */
export interface TestRedis<K> {
  /** Connected to `REDIS_URL`, named `<label>-test` (or `options.connectionName`). */
  readonly redis: Redis;
  /** A key space under a fresh `{test-<label>-<hex>}` prefix. */
  readonly keys: K;
  /** Another key space under its own fresh prefix, cleaned up with the first. */
  freshKeys(): K;
}

/** Options of {@link useTestRedis}. */
export interface UseTestRedisOptions {
  /** The CLIENT LIST name. Default `<label>-test`. */
  connectionName?: string;
  /** Merged over {@link connectRedis}'s defaults. */
  redis?: RedisOptions;
}

/**
 * Registers the file's `beforeAll` and `afterAll`; call it at the top level of a test file.
 * The factory is a parameter (pass `createKeySpace` from `@rollcall/streams`) because
 * streams' own tests use this package, which therefore cannot depend on streams.
 */
export function useTestRedis<K extends { readonly prefix: string }>(
  label: string,
  createKeySpace: (prefix: string) => K,
  options: UseTestRedisOptions = {},
): TestRedis<K> {
  // Connecting now rather than in beforeAll lets the file destructure `redis` once;
  // ioredis queues commands until the connection is up.
  const redis = connectRedis(options.connectionName ?? `${label}-test`, options.redis);
  const spaces: K[] = [];
  const freshKeys = (): K => {
    const keys = createKeySpace(randomPrefix(label));
    spaces.push(keys);
    return keys;
  };
  const keys = freshKeys();

  beforeAll(() => requireRedis(redis));
  afterAll(async () => {
    try {
      for (const space of spaces) await deletePrefix(redis, space.prefix);
    } finally {
      await redis.quit().catch(() => redis.disconnect());
    }
  });
  return { redis, keys, freshKeys };
}
