/**
 * Streams' default over the shared Redis test support: its connection name. (A file's own
 * connection and key space come from `useTestRedis` in @rollcall/testing.)
 */
import { connectRedis } from '@rollcall/testing';
import type Redis from 'ioredis';
import type { RedisOptions } from 'ioredis';

export { REDIS_URL } from '@rollcall/testing';

/** A named connection (the name lets a test find it in CLIENT LIST). */
export function connect(name = 'streams-test', options: RedisOptions = {}): Redis {
  return connectRedis(name, options);
}
