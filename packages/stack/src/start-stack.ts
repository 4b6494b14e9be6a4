import { mkdirSync } from 'node:fs';
import path from 'node:path';

import { findRepoRoot } from '@rollcall/config';
import { RollcallError } from '@rollcall/errors';
import {
  createKeySpace,
  DEFAULT_KEY_PREFIX,
  EXIT_WITH_PARENT_VARIABLE,
  type KeySpace,
} from '@rollcall/streams';
import Redis from 'ioredis';

import { launcherAdminKey } from './guard/admin-key-file';
import { LauncherLock } from './guard/launcher-lock';
import { requirePortFree } from './guard/port-free';
import { freePort } from './process/free-port';
import { ServiceProcess } from './process/service-process';
import { Supervisor } from './process/supervisor';
import { startLocalRedis, type LocalRedis } from './redis/local-redis';
import { redisAnswers } from './redis/ping-redis';
import { planServices } from './services';
import { missingGroups } from './wait/pipeline-ready';
import { pollUntil } from './wait/poll';

export interface StackOptions {
  /** Default `REDIS_URL`, else `redis://127.0.0.1:6379`. */
  readonly redisUrl?: string;
  /**
   * When nothing answers at `redisUrl` (a loopback one): start `redis-server` with
   * append-only persistence in `<dataDir>/redis`. Default true.
   */
  readonly startRedis?: boolean;
  /** Default `ROLLCALL_KEY_PREFIX`, else `{rollcall}`. */
  readonly keyPrefix?: string;
  /** API port. Default 8080; 0 picks a free one. */
  readonly apiPort?: number;
  /** Default `127.0.0.1`. */
  readonly apiHost?: string;
  /** Vision gRPC port of the first embedder. Default: a free one. */
  readonly visionPort?: number;
  /** Detector processes. Default 1. */
  readonly detectors?: number;
  /** Embedder processes. Default 1. */
  readonly embedders?: number;
  /** Logs and Redis files. Default `<repo>/.rollcall`. */
  readonly dataDir?: string;
  /** Extra environment for every service (attendance votes, ingest fps, log level...). */
  readonly env?: Readonly<Record<string, string>>;
  /** Longest wait for every service to be ready. Default 180 s. */
  readonly readyTimeoutMs?: number;
}

/** A running Rollcall: where it answers, its admin key, and its processes. */
export interface RunningStack {
  readonly apiUrl: string;
  readonly adminKey: string;
  readonly redisUrl: string;
  readonly keys: KeySpace;
  readonly logDir: string;
  /** Set when the stack started its own Redis. */
  readonly redis: LocalRedis | undefined;
  readonly services: ReadonlyMap<string, ServiceProcess>;
  /** Restarts of crashed services, as events (`crashed`, `restarted`). */
  readonly supervisor: Supervisor;
  /** The named service; throws for a name the stack does not run. */
  service(name: string): ServiceProcess;
  /** Stops every service (SIGTERM to all at once), then the Redis it started. */
  stop(): Promise<void>;
}

/**
 * Starts every Rollcall service on this machine as child processes, waits until the API
 * is ready and every consumer group listens, and creates an admin API key.
 */
export async function startStack(options: StackOptions = {}): Promise<RunningStack> {
  const repoRoot = findRepoRoot();
  const dataDir = path.resolve(options.dataDir ?? path.join(repoRoot, '.rollcall'));
  const logDir = path.join(dataDir, 'logs');
  mkdirSync(logDir, { recursive: true });

  const { redisUrl, redis } = await ensureRedis(options, dataDir);
  const keyPrefix = options.keyPrefix ?? process.env.ROLLCALL_KEY_PREFIX ?? DEFAULT_KEY_PREFIX;
  const keys = createKeySpace(keyPrefix);
  const apiHost = options.apiHost ?? '127.0.0.1';
  const apiPort = options.apiPort === 0 ? await freePort(apiHost) : (options.apiPort ?? 8080);
  const visionPort = options.visionPort ?? (await freePort());
  await requirePortFree(apiHost, apiPort);
  const apiUrl = `http://${apiHost}:${apiPort}`;

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...options.env,
    REDIS_URL: redisUrl,
    ROLLCALL_KEY_PREFIX: keyPrefix,
    // A launcher killed outright cannot stop its services: they stop themselves.
    [EXIT_WITH_PARENT_VARIABLE]: '1',
  };
  const specs = planServices({
    repoRoot,
    detectors: options.detectors ?? 1,
    embedders: options.embedders ?? 1,
    apiHost,
    apiPort,
    visionPort,
  });
  const services = new Map(
    specs.map((spec) => [
      spec.name,
      new ServiceProcess(spec, {
        cwd: repoRoot,
        env,
        logFile: path.join(logDir, `${spec.name}.log`),
      }),
    ]),
  );

  const client = new Redis(redisUrl, { maxRetriesPerRequest: 3, connectionName: 'rollcall-stack' });
  client.on('error', () => undefined);
  const supervisor = new Supervisor();
  let lock: LauncherLock | undefined;

  const stop = async () => {
    supervisor.stop();
    await Promise.all([...services.values()].map((service) => service.stop()));
    await lock?.release();
    client.disconnect();
    await redis?.stop();
  };

  try {
    lock = await LauncherLock.take(client, keys, apiUrl);
    for (const service of services.values()) {
      supervisor.watch(service);
      service.start();
    }
    await waitUntilReady(apiUrl, client, keys, services, options.readyTimeoutMs ?? 180_000);
    const adminKey = await launcherAdminKey(client, keys, redisUrl, dataDir);
    return {
      apiUrl,
      adminKey,
      redisUrl,
      keys,
      logDir,
      redis,
      services,
      supervisor,
      service: (name) => serviceNamed(services, name),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function ensureRedis(
  options: StackOptions,
  dataDir: string,
): Promise<{ redisUrl: string; redis: LocalRedis | undefined }> {
  const redisUrl = options.redisUrl ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  if (await redisAnswers(redisUrl)) return { redisUrl, redis: undefined };

  const url = new URL(redisUrl);
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (options.startRedis === false || !loopback) {
    throw new RollcallError(
      'REDIS_UNAVAILABLE',
      `No Redis answers at ${url.host}; start one or set REDIS_URL to a running Redis.`,
    );
  }
  const redis = await startLocalRedis(Number(url.port || 6379), path.join(dataDir, 'redis'));
  return { redisUrl: redis.url, redis };
}

async function waitUntilReady(
  apiUrl: string,
  redis: Redis,
  keys: KeySpace,
  services: ReadonlyMap<string, ServiceProcess>,
  timeoutMs: number,
): Promise<void> {
  let lastProblem = 'nothing checked yet';
  const ready = await pollUntil(async () => {
    const dead = [...services.values()].find((service) => !service.running);
    if (dead !== undefined) {
      throw new RollcallError(
        'SERVICE_FAILED',
        `${dead.name} exited while starting; its last output:\n${dead.lastOutput.trim()}`,
        { details: { service: dead.name } },
      );
    }
    const missing = await missingGroups(redis, keys);
    if (missing.length > 0) {
      lastProblem = `consumer groups not created yet: ${missing.join(', ')}`;
      return undefined;
    }
    const response = await fetch(`${apiUrl}/ready`).catch(() => undefined);
    if (response?.status !== 200) {
      lastProblem = `the API at ${apiUrl} is not ready (${response?.status ?? 'no answer'})`;
      return undefined;
    }
    return true;
  }, timeoutMs);

  if (ready === undefined) {
    throw new RollcallError(
      'SERVICE_FAILED',
      `Rollcall was not ready after ${Math.round(timeoutMs / 1000)} s: ${lastProblem}.`,
    );
  }
}

function serviceNamed(services: ReadonlyMap<string, ServiceProcess>, name: string): ServiceProcess {
  const service = services.get(name);
  if (service !== undefined) return service;
  throw new RollcallError(
    'INVALID_ARGUMENT',
    `The stack runs no service named "${name}"; it runs ${[...services.keys()].join(', ')}.`,
  );
}
