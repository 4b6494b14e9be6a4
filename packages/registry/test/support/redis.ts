/**
 * Test access to the real Redis at `REDIS_URL` (default `redis://127.0.0.1:6379`): one
 * random key prefix per test file, and cleanup that deletes every key under it.
 */
import { randomBytes } from 'node:crypto';

import { createKeySpace } from '@rollcall/streams';
import Redis from 'ioredis';

import type { RegistryContext } from '../../src';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A context under a fresh hash-tagged prefix. */
export function testContext(redis: Redis): RegistryContext {
  return { redis, keys: createKeySpace(`{test-registry-${randomBytes(4).toString('hex')}}`) };
}

export function connect(): Redis {
  return new Redis(REDIS_URL, { connectionName: 'registry-test', maxRetriesPerRequest: 3 });
}

/** Deletes every key under `prefix` (SCAN, never KEYS). */
export async function deletePrefix(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}

/** Every key under `prefix`, sorted. */
export async function keysUnder(redis: Redis, prefix: string): Promise<string[]> {
  const found: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
    found.push(...keys);
    cursor = next;
  } while (cursor !== '0');
  return found.sort();
}
