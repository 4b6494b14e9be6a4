/**
 * The registry's defaults over the shared Redis test support: its connection name, a
 * registry context under a fresh prefix, and a listing of the keys a test left.
 */
import { createKeySpace } from '@rollcall/streams';
import { connectRedis, testKeySpace } from '@rollcall/testing';
import type Redis from 'ioredis';

import type { RegistryContext } from '../../src';

export { REDIS_URL, deletePrefix } from '@rollcall/testing';

/** A context under a fresh hash-tagged prefix. */
export function testContext(redis: Redis): RegistryContext {
  return { redis, keys: testKeySpace('registry', createKeySpace) };
}

export function connect(): Redis {
  return connectRedis('registry-test');
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
