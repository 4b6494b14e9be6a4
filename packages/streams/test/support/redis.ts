/**
 * Streams' defaults over the shared Redis test support: its connection name, and key
 * spaces from its own `createKeySpace`.
 */
import { connectRedis, testKeySpace as sharedTestKeySpace } from '@rollcall/testing';
import type Redis from 'ioredis';
import type { RedisOptions } from 'ioredis';

import { createKeySpace, type KeySpace } from '../../src';

export { REDIS_URL, deletePrefix, requireRedis } from '@rollcall/testing';

/** A named connection (the name lets a test find it in CLIENT LIST). */
export function connect(name = 'streams-test', options: RedisOptions = {}): Redis {
  return connectRedis(name, options);
}

/** Key space under a fresh hash-tagged prefix. */
export function testKeySpace(): KeySpace {
  return sharedTestKeySpace('streams', createKeySpace);
}
