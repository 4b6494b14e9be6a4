/**
 * Test access to the real Redis at `REDIS_URL` (default `redis://127.0.0.1:6379`): one
 * random key prefix per test file, and cleanup that deletes every key under it.
 */
import { randomBytes } from 'node:crypto';

import { createKeySpace, type KeySpace } from '@rollcall/streams';
import Redis from 'ioredis';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export function connect(name = 'matcher-test'): Redis {
  return new Redis(REDIS_URL, { connectionName: name, maxRetriesPerRequest: 3 });
}

/** A key space under a fresh hash-tagged prefix. */
export function testKeySpace(): KeySpace {
  return createKeySpace(`{test-matcher-${randomBytes(4).toString('hex')}}`);
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

/**
 * Polls `condition` until it holds or `timeoutMs` passes, instead of sleeping a guessed
 * time. The failure names what was awaited.
 */
export async function waitFor(
  what: string,
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
}
