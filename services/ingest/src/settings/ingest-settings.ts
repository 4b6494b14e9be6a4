import os from 'node:os';

import { enumSetting, intSetting, loadConfig, type Env } from '@rollcall/config';
import { redisSettingsShape } from '@rollcall/streams';
import { z } from 'zod';

/** How ingest puts a frame's pixels into the frames stream. */
export type FrameFormat = 'jpeg' | 'raw';

/** The ingest process's settings, read once from the environment. */
export interface IngestSettings {
  /** `REDIS_URL`. Default `redis://127.0.0.1:6379`. */
  readonly redisUrl: string;
  /** `ROLLCALL_KEY_PREFIX`. Default `{rollcall}`. */
  readonly keyPrefix: string;
  /**
   * `ROLLCALL_INGEST_NAME`: this process's name in logs and camera status.
   * Default `<host>-<pid>`.
   */
  readonly name: string;
  /** `ROLLCALL_INGEST_FPS`: frames per second for a camera without its own fps. Default 5. */
  readonly fps: number;
  /** `ROLLCALL_INGEST_WIDTH` x `ROLLCALL_INGEST_HEIGHT`: decoded frame size. Default 640x360. */
  readonly width: number;
  readonly height: number;
  /** `ROLLCALL_INGEST_FORMAT`: `jpeg` (default) or `raw` rgb24 pixels. */
  readonly format: FrameFormat;
  /** `ROLLCALL_INGEST_JPEG_QUALITY`: 1-100. Default 90. */
  readonly jpegQuality: number;
  /**
   * `ROLLCALL_INGEST_MAX_LAG`: frames the detector group may have left undelivered before
   * new frames are dropped (freshness over completeness). Default 20.
   */
  readonly maxLag: number;
  /**
   * `ROLLCALL_INGEST_SHARD` (`i/n`, default `0/1`): this process runs the cameras whose id
   * hashes to `i` of `n`, so `n` ingest processes split the cameras between them.
   */
  readonly shard: { readonly index: number; readonly count: number };
  /** `ROLLCALL_INGEST_STATUS_MS`: how often camera status is written. Default 1000. */
  readonly statusIntervalMs: number;
}

const shardSetting = z
  .string()
  .regex(/^\s*\d+\s*\/\s*\d+\s*$/, 'i/n with 0 <= i < n, e.g. 0/1')
  .transform((text) => {
    const [index, count] = text.split('/').map((part) => Number(part.trim())) as [number, number];
    return { index, count };
  })
  .refine(({ index, count }) => count >= 1 && index < count, 'i/n with 0 <= i < n, e.g. 0/1');

const fpsSetting = z
  .string()
  .regex(/^\s*\d+(\.\d+)?\s*$/, 'a number of frames per second, e.g. 5 or 2.5')
  .transform(Number)
  .pipe(z.number().min(0.01).max(120));

const schema = z
  .object({
    ...redisSettingsShape,
    ROLLCALL_INGEST_NAME: z
      .string()
      .regex(/^[\w.-]{1,100}$/, '1-100 letters, digits, . _ or -')
      .default(`${os.hostname()}-${process.pid}`.replace(/[^\w.-]/g, '_').slice(0, 100)),
    ROLLCALL_INGEST_FPS: fpsSetting.default(5),
    ROLLCALL_INGEST_WIDTH: intSetting(16, 8192).default(640),
    ROLLCALL_INGEST_HEIGHT: intSetting(16, 8192).default(360),
    ROLLCALL_INGEST_FORMAT: enumSetting(['jpeg', 'raw'] as const).default('jpeg'),
    ROLLCALL_INGEST_JPEG_QUALITY: intSetting(1, 100).default(90),
    ROLLCALL_INGEST_MAX_LAG: intSetting(0, 100_000).default(20),
    ROLLCALL_INGEST_SHARD: shardSetting.default({ index: 0, count: 1 }),
    ROLLCALL_INGEST_STATUS_MS: intSetting(100, 60_000).default(1_000),
  })
  .transform((env): IngestSettings => ({
    redisUrl: env.REDIS_URL,
    keyPrefix: env.ROLLCALL_KEY_PREFIX,
    name: env.ROLLCALL_INGEST_NAME,
    fps: env.ROLLCALL_INGEST_FPS,
    width: env.ROLLCALL_INGEST_WIDTH,
    height: env.ROLLCALL_INGEST_HEIGHT,
    format: env.ROLLCALL_INGEST_FORMAT,
    jpegQuality: env.ROLLCALL_INGEST_JPEG_QUALITY,
    maxLag: env.ROLLCALL_INGEST_MAX_LAG,
    shard: env.ROLLCALL_INGEST_SHARD,
    statusIntervalMs: env.ROLLCALL_INGEST_STATUS_MS,
  }));

/** Reads and validates the settings; every bad variable is listed in one CONFIG_INVALID. */
export function loadIngestSettings(env: Env = process.env): IngestSettings {
  return loadConfig(schema, env);
}
