import { intSetting, loadConfig, type Env } from '@rollcall/config';
import { toWorkerSettings, workerSettingsShape, type WorkerSettings } from '@rollcall/detector';
import { z } from 'zod';

export interface EmbedderSettings extends WorkerSettings {
  /** `ROLLCALL_EMBED_BATCH`: faces embedded per model run, at most. Default 8. */
  readonly batchSize: number;
  /** `ROLLCALL_EMBED_WAIT_MS`: longest wait for a batch to fill, in ms. Default 10. */
  readonly batchWaitMs: number;
  /** `ROLLCALL_GRPC_HOST`: address the Vision service binds. Default `127.0.0.1`. */
  readonly grpcHost: string;
  /** `ROLLCALL_GRPC_PORT`: port of the Vision service; 0 picks a free one. Default 50051. */
  readonly grpcPort: number;
}

// Batch 8: see docs/decisions/vision-workers.md for faces/s at batch 1 and 8 on 2 cores.
const DEFAULT_BATCH = 8;
// A face waits at most 10 ms for company: small next to the ~100 ms a face takes to embed.
const DEFAULT_WAIT_MS = 10;

export const embedderSettingsSchema = z
  .object({
    ...workerSettingsShape,
    ROLLCALL_EMBED_BATCH: intSetting(1, 64).default(DEFAULT_BATCH),
    ROLLCALL_EMBED_WAIT_MS: intSetting(0, 10_000).default(DEFAULT_WAIT_MS),
    ROLLCALL_GRPC_HOST: z
      .string()
      .regex(/^[\w.:-]+$/, 'a host name or IP address, e.g. 127.0.0.1 or 0.0.0.0')
      .default('127.0.0.1'),
    ROLLCALL_GRPC_PORT: intSetting(0, 65_535).default(50_051),
  })
  .transform((env): EmbedderSettings => ({
    ...toWorkerSettings(env),
    batchSize: env.ROLLCALL_EMBED_BATCH,
    batchWaitMs: env.ROLLCALL_EMBED_WAIT_MS,
    grpcHost: env.ROLLCALL_GRPC_HOST,
    grpcPort: env.ROLLCALL_GRPC_PORT,
  }));

/** The embedder's settings from `env`: validated once, every bad variable listed, frozen. */
export function loadEmbedderSettings(env: Env = process.env): EmbedderSettings {
  return loadConfig(embedderSettingsSchema, env);
}
