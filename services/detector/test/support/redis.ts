/**
 * The detector's worker tests over the shared Redis test support: key spaces from
 * `@rollcall/streams` under a fresh prefix labelled by the caller.
 */
import { createKeySpace, type KeySpace } from '@rollcall/streams';
import { connectRedis, testKeySpace as sharedTestKeySpace } from '@rollcall/testing';
import type Redis from 'ioredis';

export { REDIS_URL, deletePrefix, requireRedis } from '@rollcall/testing';

export function connect(name: string): Redis {
  return connectRedis(name);
}

/** Key space under a fresh prefix, wrapped as a Cluster hash tag like the default. */
export function testKeySpace(what: string): KeySpace {
  return sharedTestKeySpace(what, createKeySpace);
}
