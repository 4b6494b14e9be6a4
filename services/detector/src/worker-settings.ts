import os from 'node:os';

import { intSetting } from '@rollcall/config';
import { redisSettingsShape } from '@rollcall/streams';
import { z } from 'zod';

/** What every stream worker reads from the environment, besides the vision settings. */
export interface WorkerSettings {
  /** `REDIS_URL`. Default `redis://127.0.0.1:6379`. */
  readonly redisUrl: string;
  /** `ROLLCALL_KEY_PREFIX`: prefix of every key (see `createKeySpace`). Default `{rollcall}`. */
  readonly keyPrefix: string;
  /** `ROLLCALL_CONSUMER`: this process's name in its consumer group. Default `<host>-<pid>`. */
  readonly consumer: string;
}

/** The `WorkerSettings` variables, to spread into a service's schema. */
export const workerSettingsShape = {
  ...redisSettingsShape,
  ROLLCALL_CONSUMER: z
    .string()
    .regex(/^[\w.-]{1,100}$/, '1-100 letters, digits, . _ or -')
    .default(defaultConsumerName()),
};

type WorkerEnv = {
  [K in keyof typeof workerSettingsShape]: z.infer<(typeof workerSettingsShape)[K]>;
};

export function toWorkerSettings(env: WorkerEnv): WorkerSettings {
  return {
    redisUrl: env.REDIS_URL,
    keyPrefix: env.ROLLCALL_KEY_PREFIX,
    consumer: env.ROLLCALL_CONSUMER,
  };
}

/** `<hostname>-<pid>`, with characters a key part refuses replaced. */
export function defaultConsumerName(): string {
  return `${os.hostname()}-${process.pid}`.replace(/[^\w.-]/g, '_').slice(0, 100);
}

/** Entries a worker reads per XREADGROUP, as a setting. */
export const readBatchSetting = intSetting(1, 1_000);
