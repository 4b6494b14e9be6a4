/**
 * The real Redis at `REDIS_URL` (default `redis://127.0.0.1:6379`) for tests: named
 * connections, a reachability check that says what to start, and cleanup by key prefix.
 */
import Redis, { type RedisOptions } from 'ioredis';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * A connection named `name`, so a test can find it in CLIENT LIST.
 *
 * @param options - Merged over the defaults (`maxRetriesPerRequest: 3`, so a dead server
 *   fails a command after three tries instead of hanging the test).
 */
export function connectRedis(name: string, options: RedisOptions = {}): Redis {
  return new Redis(REDIS_URL, { connectionName: name, maxRetriesPerRequest: 3, ...options });
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
