import type { FastifyInstance } from 'fastify';

import type { RouteDeps } from './route-deps';
import { describeRedisFailure, redisAddress } from '../errors/redis-failure';
import { registerPipelineMetrics } from '../metrics/pipeline-metrics';

const tags = ['operations'];

/** Liveness, readiness and metrics: no API key, for probes and scrapers. */
export function registerHealthRoutes(app: FastifyInstance, deps: RouteDeps): void {
  registerPipelineMetrics(deps.metrics.registry, deps.redis, deps.keys, deps.now);

  app.get('/health', {
    schema: {
      tags,
      summary: 'Liveness: the process answers',
      response: { 200: { type: 'object', properties: { status: { type: 'string' } } } },
    },
    handler: () => ({ status: 'ok' }),
  });

  app.get('/ready', {
    schema: {
      tags,
      summary: 'Readiness: Redis answers PING and the vision side has its pack',
      response: {
        '2xx': readyView,
        503: readyView,
      },
    },
    handler: async (_request, reply) => {
      const [redis, vision] = await Promise.all([pingRedis(deps), visionReady(deps)]);
      const ready = redis.ok && vision.ok;
      return reply
        .code(ready ? 200 : 503)
        .send({ status: ready ? 'ready' : 'not ready', redis, vision });
    },
  });

  app.get('/metrics', {
    schema: { tags, summary: 'Prometheus metrics (text exposition format)' },
    handler: async (_request, reply) => {
      const text = await deps.metrics.registry.metrics();
      return reply.type(deps.metrics.registry.contentType).send(text);
    },
  });
}

const checkView = {
  type: 'object',
  properties: { ok: { type: 'boolean' }, detail: { type: 'string' } },
} as const;

const readyView = {
  type: 'object',
  properties: { status: { type: 'string' }, redis: checkView, vision: checkView },
} as const;

/** How long `/ready` waits for PING: a probe must answer even while Redis hangs. */
const PING_TIMEOUT_MS = 1_000;

async function pingRedis(deps: RouteDeps): Promise<{ ok: boolean; detail: string }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer in ${PING_TIMEOUT_MS} ms`)),
      PING_TIMEOUT_MS,
    );
  });
  try {
    const reply = await Promise.race([deps.redis.ping(), timeout]);
    return { ok: reply === 'PONG', detail: reply };
  } catch (error) {
    return { ok: false, detail: describeRedisFailure(error, redisAddress(deps.redis)) };
  } finally {
    clearTimeout(timer);
  }
}

async function visionReady(deps: RouteDeps): Promise<{ ok: boolean; detail: string }> {
  try {
    const { pack } = await deps.vision.ready();
    return { ok: true, detail: `${deps.vision.kind}: pack ${pack}` };
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}
