/**
 * The real Redis at `REDIS_URL` (default `redis://127.0.0.1:6379`) for worker tests: one
 * random key prefix per test file, and cleanup that deletes every key under it.
 */
import { randomBytes } from 'node:crypto';

import { createKeySpace, type KeySpace } from '@rollcall/streams';
import Redis from 'ioredis';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export function connect(name: string): Redis {
  return new Redis(REDIS_URL, { connectionName: name, maxRetriesPerRequest: 3 });
}

/** Key space under a fresh prefix, wrapped as a Cluster hash tag like the default. */
export function testKeySpace(what: string): KeySpace {
  return createKeySpace(`{test-${what}-${randomBytes(4).toString('hex')}}`);
}

/** Deletes every key under `prefix` (SCAN, never KEYS, so others' work is not stalled). */
export async function deletePrefix(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}

/** Fails early, saying what to start, when Redis does not answer. */
export async function requireRedis(redis: Redis): Promise<void> {
  try {
    await redis.ping();
  } catch (error) {
    throw new Error(
      `Redis is not reachable at REDIS_URL=${REDIS_URL}; start redis-server or point ` +
        `REDIS_URL at one. (${String(error)})`,
    );
  }
}
