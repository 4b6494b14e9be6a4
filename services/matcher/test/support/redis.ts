/**
 * The matcher's defaults over the shared Redis test support: its connection name and
 * key-space label.
 */
import { createKeySpace, type KeySpace } from '@rollcall/streams';
import { connectRedis, testKeySpace as sharedTestKeySpace } from '@rollcall/testing';
import type Redis from 'ioredis';

export { REDIS_URL, deletePrefix, waitFor } from '@rollcall/testing';

export function connect(name = 'matcher-test'): Redis {
  return connectRedis(name);
}

/** A key space under a fresh hash-tagged prefix. */
export function testKeySpace(): KeySpace {
  return sharedTestKeySpace('matcher', createKeySpace);
}
