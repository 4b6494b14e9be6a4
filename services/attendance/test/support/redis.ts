/**
 * The attendance service's defaults over the shared Redis test support: its connection
 * name, its key-space label, and a longer wait (the service starts a whole process).
 */
import { createKeySpace, type KeySpace } from '@rollcall/streams';
import {
  connectRedis,
  testKeySpace as sharedTestKeySpace,
  waitFor as sharedWaitFor,
} from '@rollcall/testing';
import type Redis from 'ioredis';

export { REDIS_URL, deletePrefix, requireRedis } from '@rollcall/testing';

export function connect(name = 'attendance-test'): Redis {
  return connectRedis(name);
}

/** A key space under a fresh prefix, a Cluster hash tag like the production default. */
export function testKeySpace(): KeySpace {
  return sharedTestKeySpace('attendance', createKeySpace);
}

/** {@link sharedWaitFor} with a 15 s default timeout. */
export function waitFor<T>(
  what: string,
  condition: () => T | Promise<T>,
  { timeoutMs = 15_000, intervalMs = 20 } = {},
): Promise<NonNullable<T>> {
  return sharedWaitFor(what, condition, { timeoutMs, intervalMs });
}
