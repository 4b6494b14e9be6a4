/**
 * With Redis unreachable the API answers 503 REDIS_UNAVAILABLE naming the server, not 500
 * INTERNAL, and `/ready` says which Redis does not answer in words.
 */
import { createLogger } from '@rollcall/log';
import { connectRedis, deletePrefix, randomPrefix } from '@rollcall/testing';
import { createKeySpace } from '@rollcall/streams';
import type { FastifyInstance } from 'fastify';
import Redis from 'ioredis';

import { buildApp, GrpcVisionClient } from '../src';
import { toRollcallError } from '../src/errors/error-reply';
import { createApiMetrics } from '../src/metrics/api-metrics';

const keys = createKeySpace(randomPrefix('api-redis-down'));

// A queue built on a connection that was live a moment ago may write its meta key.
afterAll(async () => {
  const cleanup = connectRedis('api-redis-down-cleanup');
  await deletePrefix(cleanup, keys.prefix);
  cleanup.disconnect();
});

async function appOn(redis: Redis): Promise<FastifyInstance> {
  const vision = new GrpcVisionClient('127.0.0.1:1');
  const app = await buildApp({
    redis,
    keys,
    vision,
    logger: createLogger({ service: 'api-test', level: 'silent' }),
    metrics: createApiMetrics({ processMetrics: false }),
    consoleDir: null,
    imports: { worker: false },
  });
  app.addHook('onClose', () => vision.close());
  return app;
}

const asKey = { authorization: 'Bearer rk_test_unused' };

describe('the API without Redis', () => {
  it('answers 503 REDIS_UNAVAILABLE when nothing listens at the address', async () => {
    // Port 1 on loopback: nothing listens there, so every connect is refused. The first
    // command fails on the retry limit; later ones find the connection closed for good.
    const redis = new Redis('redis://127.0.0.1:1', {
      maxRetriesPerRequest: 1,
      retryStrategy: (times) => (times > 3 ? null : 10),
    });
    redis.on('error', () => undefined);
    const app = await appOn(redis);
    try {
      const reply = await app.inject({ url: '/v1/people', headers: asKey });
      expect(reply.statusCode).toBe(503);
      expect(reply.json()).toEqual({
        error: {
          code: 'REDIS_UNAVAILABLE',
          message:
            'Redis at 127.0.0.1:1 does not answer; start it, or point REDIS_URL at a running one.',
        },
      });

      const ready = await app.inject({ url: '/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toMatchObject({
        redis: {
          ok: false,
          detail: expect.stringMatching(/^Redis at 127.0.0.1:1 does not answer/),
        },
      });
    } finally {
      await app.close();
      redis.disconnect();
    }
  });

  it('answers 503 when the connection to a real Redis was closed', async () => {
    const redis = connectRedis('api-redis-closed');
    await redis.ping();
    redis.disconnect();
    const app = await appOn(redis);
    try {
      const reply = await app.inject({ url: '/v1/people', headers: asKey });
      expect(reply.statusCode).toBe(503);
      expect(reply.json<{ error: { code: string } }>().error.code).toBe('REDIS_UNAVAILABLE');
    } finally {
      await app.close();
    }
  });

  it('maps socket codes and login refusals, and leaves other errors INTERNAL', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 10.0.0.9:6379'), {
      code: 'ECONNREFUSED',
    });
    expect(toRollcallError(refused, { redisAddress: '10.0.0.9:6379' }).message).toBe(
      'Redis at 10.0.0.9:6379 does not answer; start it, or point REDIS_URL at a running one.',
    );
    expect(toRollcallError(new Error('NOAUTH Authentication required.')).message).toBe(
      'Redis refused the login; check the user and password in REDIS_URL.',
    );
    expect(toRollcallError(new Error('boom')).code).toBe('INTERNAL');
  });
});
