/**
 * Test access to the real Redis at `REDIS_URL` (default `redis://127.0.0.1:6379`): one
 * random key prefix per test file, and cleanup that deletes every key under it.
 */
import { randomBytes } from 'node:crypto';

import Redis, { type RedisOptions } from 'ioredis';

import { createKeySpace, type KeySpace } from '../../src';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A named connection (the name lets a test find it in CLIENT LIST). */
export function connect(name = 'streams-test', options: RedisOptions = {}): Redis {
  return new Redis(REDIS_URL, { connectionName: name, maxRetriesPerRequest: 3, ...options });
}

/** A fresh prefix, wrapped as a Cluster hash tag like the production default. */
export function randomPrefix(): string {
  return `{test-streams-${randomBytes(4).toString('hex')}}`;
}

/** Key space under a fresh prefix, plus its cleanup. */
export function testKeySpace(): KeySpace {
  return createKeySpace(randomPrefix());
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

/** Fails the suite early, saying what to start, when Redis does not answer. */
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
