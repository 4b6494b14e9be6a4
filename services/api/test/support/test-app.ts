/**
 * The API on the real Redis at `REDIS_URL` under a fresh key prefix per test file, with a
 * key to call it with, and cleanup that deletes every key under the prefix.
 */
import { randomBytes } from 'node:crypto';

import { createLogger } from '@rollcall/log';
import { deletePrefix } from '@rollcall/testing';
import { createKeySpace, type KeySpace } from '@rollcall/streams';
import type { FastifyInstance } from 'fastify';
import Redis from 'ioredis';

import { buildApp, createApiKey, GrpcVisionClient, type AppDependencies } from '../../src';
import { createApiMetrics } from '../../src/metrics/api-metrics';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface TestApp {
  readonly app: FastifyInstance;
  readonly redis: Redis;
  readonly keys: KeySpace;
  /** `Authorization` header value of a valid key. */
  readonly auth: string;
  close(): Promise<void>;
}

/**
 * Options beyond Redis and keys. Without `vision`, a gRPC client to a port nothing listens
 * on: suites that never enrol do not load models.
 */
export async function startTestApp(
  options: Partial<Omit<AppDependencies, 'redis' | 'keys' | 'logger'>> = {},
): Promise<TestApp> {
  const redis = new Redis(REDIS_URL, { connectionName: 'api-test', maxRetriesPerRequest: 3 });
  const keys = createKeySpace(`{test-api-${randomBytes(4).toString('hex')}}`);
  const vision = options.vision ?? new GrpcVisionClient('127.0.0.1:1');
  const app = await buildApp({
    redis,
    keys,
    vision,
    logger: createLogger({ service: 'api-test', level: 'warn' }),
    metrics: createApiMetrics({ processMetrics: false }),
    ...options,
  });
  const { key } = await createApiKey(redis, keys, 'test');

  return {
    app,
    redis,
    keys,
    auth: `Bearer ${key}`,
    close: async () => {
      await app.close();
      await deletePrefix(redis, keys.prefix);
      await redis.quit();
    },
  };
}

export { deletePrefix };

/** The `error.code` of a JSON error reply. */
export function codeOf(body: string): string | undefined {
  return (JSON.parse(body) as { error?: { code?: string } }).error?.code;
}
