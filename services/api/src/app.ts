import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { Logger } from '@rollcall/log';
import type { RegistryContext } from '@rollcall/registry';
import type { KeySpace } from '@rollcall/streams';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';

import type { AttendanceReader } from './attendance/attendance-reader';
import { serviceAttendanceReader } from './attendance/service-reader';
import { bearerAuth } from './auth/bearer-auth';
import { roleGuard } from './auth/role-guard';
import { defaultConsoleDir } from './console/console-files';
import { ERROR_BODY_SCHEMA, toRollcallError } from './errors/error-reply';
import type { RequestLimits } from './errors/limit-errors';
import { redisAddress } from './errors/redis-failure';
import { replyUnmatched } from './errors/unmatched-route';
import { loadImportSettings, type ImportSettings } from './import/import-settings';
import { AttendanceFeed } from './live/attendance-feed';
import { createApiMetrics, type ApiMetrics } from './metrics/api-metrics';
import { registerAttendanceRoutes } from './routes/attendance';
import { registerCameraPreviewRoutes } from './routes/camera-preview';
import { registerCameraRoutes } from './routes/cameras';
import { registerConsoleRoutes } from './routes/console';
import { registerEventRoutes } from './routes/events';
import { registerFaceRoutes } from './routes/faces';
import { registerHealthRoutes } from './routes/health';
import { registerImportRoutes } from './routes/imports';
import { registerPeopleRoutes } from './routes/people';
import { registerPeopleMediaRoutes } from './routes/people-media';
import { registerReportRoutes } from './routes/reports';
import type { RouteDeps } from './routes/route-deps';
import { RequestLog } from './request-log';
import { registerSessionRoutes, registerSignInRoute } from './routes/sessions';
import { registerSettingsRoutes } from './routes/settings';
import { registerSystemRoutes } from './routes/system';
import { registerUserRoutes } from './routes/users';
import { registerVisionPreviewRoutes } from './routes/vision-preview';
import { LoginThrottle } from './sessions/login-throttle';
import { DEFAULT_SESSION_SETTINGS, type SessionSettings } from './sessions/session-settings';
import { SessionStore } from './sessions/session-store';
import type { SignInDeps } from './sessions/sign-in';
import { validatorCompiler } from './validation';
import type { VisionClient } from './vision/vision-client';

/** Request size limits; every one answers 413 `PAYLOAD_TOO_LARGE` when passed. */
export interface ApiLimits {
  /** Largest JSON body, in bytes. Default 1 MiB. */
  readonly bodyBytes: number;
  /** Largest uploaded photo, in bytes. Default 15 MiB (a 48 MP phone JPEG). */
  readonly fileBytes: number;
  /** Most photos in one upload. Default 10. */
  readonly files: number;
}

export const DEFAULT_LIMITS: ApiLimits = Object.freeze({
  bodyBytes: 1024 * 1024,
  fileBytes: 15 * 1024 * 1024,
  files: 10,
});

/** Everything the app talks to, injected so tests build it on a real Redis. */
export interface AppDependencies {
  readonly redis: Redis;
  readonly keys: KeySpace;
  readonly vision: VisionClient;
  readonly logger: Logger;
  /** Now, in ms. Default `Date.now`. */
  readonly clock?: () => number;
  /** Default: a fresh registry with process metrics. */
  readonly metrics?: ApiMetrics;
  /** Default `DEFAULT_LIMITS`. */
  readonly limits?: Partial<ApiLimits>;
  /** Default: the attendance service's query functions. */
  readonly attendance?: AttendanceReader;
  /** Bulk import settings over the environment's (`loadImportSettings`). */
  readonly imports?: Partial<ImportSettings>;
  /** The built web console served at `/`; null serves none. Default `packages/console/dist`. */
  readonly consoleDir?: string | null;
  /** Session length and the failed sign-in limit over `DEFAULT_SESSION_SETTINGS`. */
  readonly sessions?: Partial<SessionSettings>;
}

/**
 * The fastify app: `/v1` admin routes need an API key or a session (and the admin role to
 * change anything); sign-in, health, metrics and docs do not.
 */
export async function buildApp(deps: AppDependencies): Promise<FastifyInstance> {
  const limits = { ...DEFAULT_LIMITS, ...deps.limits };
  const routeDeps = routeDepsOf(deps);
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    logController: new RequestLog(),
    bodyLimit: limits.bodyBytes,
  });

  app.setValidatorCompiler(validatorCompiler);
  app.addSchema(ERROR_BODY_SCHEMA);
  const importUploadBytes = { ...loadImportSettings(), ...deps.imports }.uploadBytes;
  handleErrors(app, redisAddress(deps.redis), { ...limits, importUploadBytes });
  measure(app, routeDeps.metrics);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Rollcall admin API', version: '1' },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'API key' } },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  await app.register(multipart, {
    limits: {
      fileSize: limits.fileBytes,
      files: limits.files,
      fields: 20,
      parts: limits.files + 20,
    },
  });

  registerHealthRoutes(app, routeDeps);
  registerConsoleRoutes(app, deps.consoleDir === undefined ? defaultConsoleDir() : deps.consoleDir);
  const feed = new AttendanceFeed(deps.redis, deps.keys, deps.logger);
  app.addHook('onClose', () => feed.close());
  const auth = signInDepsOf(deps);
  await app.register(
    (open, _options, done) => {
      registerSignInRoute(open, auth);
      done();
    },
    { prefix: '/v1' },
  );
  await app.register(
    (v1, _options, done) => {
      v1.addHook('onRequest', bearerAuth(deps.redis, deps.keys, auth.sessions));
      v1.addHook('onRequest', roleGuard());
      registerSessionRoutes(v1, auth);
      registerUserRoutes(v1, routeDeps);
      registerPeopleRoutes(v1, routeDeps);
      registerFaceRoutes(v1, routeDeps);
      registerCameraRoutes(v1, routeDeps);
      registerSettingsRoutes(v1, routeDeps);
      registerAttendanceRoutes(v1, routeDeps);
      registerImportRoutes(v1, routeDeps, deps.imports);
      registerPeopleMediaRoutes(v1, routeDeps);
      registerCameraPreviewRoutes(v1, routeDeps);
      registerEventRoutes(v1, routeDeps, feed);
      registerReportRoutes(v1, routeDeps);
      registerSystemRoutes(v1, routeDeps);
      registerVisionPreviewRoutes(v1, routeDeps);
      done();
    },
    { prefix: '/v1' },
  );
  return app;
}

function signInDepsOf(deps: AppDependencies): SignInDeps {
  const settings = { ...DEFAULT_SESSION_SETTINGS, ...deps.sessions };
  return {
    redis: deps.redis,
    keys: deps.keys,
    sessions: new SessionStore(deps.redis, deps.keys, deps.clock ?? Date.now),
    throttle: new LoginThrottle(deps.redis, deps.keys, settings),
    settings,
  };
}

function routeDepsOf(deps: AppDependencies): RouteDeps {
  const now = deps.clock ?? Date.now;
  const registry: RegistryContext = { redis: deps.redis, keys: deps.keys, now };
  return {
    redis: deps.redis,
    keys: deps.keys,
    registry,
    cameras: { redis: deps.redis, keys: deps.keys, now },
    vision: deps.vision,
    attendance: deps.attendance ?? serviceAttendanceReader(deps.redis, deps.keys),
    metrics: deps.metrics ?? createApiMetrics(),
    now,
  };
}

/** Every failure leaves as `{error: {code, message, details?}}` with the registry's status. */
function handleErrors(app: FastifyInstance, redis: string, limits: RequestLimits): void {
  app.setErrorHandler((error, request, reply) => {
    const route = request.routeOptions.url;
    const coded = toRollcallError(error, { redisAddress: redis, limits, route });
    // Expected outages (vision or Redis down) are coded; only the unexpected get a stack.
    if (coded.code === 'INTERNAL') request.log.error({ err: error }, 'request failed');
    else if (coded.status >= 500)
      request.log.warn({ code: coded.code, reason: coded.message }, 'request failed');
    else request.log.info({ code: coded.code }, 'request refused');
    return reply.code(coded.status).send({ error: coded.toJSON() });
  });

  app.setNotFoundHandler((request, reply) => replyUnmatched(app, request, reply));
}

function measure(app: FastifyInstance, metrics: ApiMetrics): void {
  app.addHook('onResponse', (request, reply, done) => {
    metrics.httpDuration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
    done();
  });
}
