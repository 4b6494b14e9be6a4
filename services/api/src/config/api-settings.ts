import { enumSetting, intSetting, loadConfig, type Env } from '@rollcall/config';
import { redisSettingsShape } from '@rollcall/streams';
import { z } from 'zod';

/** The API's settings, read once from the environment. */
export interface ApiSettings {
  /** `REDIS_URL`. Default `redis://127.0.0.1:6379`. */
  readonly redisUrl: string;
  /** `ROLLCALL_KEY_PREFIX`. Default `{rollcall}`. */
  readonly keyPrefix: string;
  /** `ROLLCALL_API_HOST`. Default `127.0.0.1` (set `0.0.0.0` to serve the network). */
  readonly host: string;
  /** `ROLLCALL_API_PORT`. Default 8080. */
  readonly port: number;
  /**
   * `ROLLCALL_API_VISION`: `grpc` (default: the vision workers at `visionAddress`) or
   * `in-process` (models loaded in the API process: one-process dev setups).
   */
  readonly vision: 'grpc' | 'in-process';
  /** `ROLLCALL_VISION_ADDRESS`: `host:port` of the vision workers. Default `127.0.0.1:50051`. */
  readonly visionAddress: string;
  /** `ROLLCALL_API_BODY_LIMIT`: largest JSON body in bytes. Default 1 MiB. */
  readonly bodyBytes: number;
  /** `ROLLCALL_API_FILE_LIMIT`: largest photo in bytes. Default 15 MiB. */
  readonly fileBytes: number;
  /** `ROLLCALL_API_MAX_FILES`: most photos per upload. Default 10. */
  readonly files: number;
}

const MIB = 1024 * 1024;

const schema = z
  .object({
    ...redisSettingsShape,
    ROLLCALL_API_HOST: z.string().min(1).default('127.0.0.1'),
    ROLLCALL_API_PORT: intSetting(0, 65_535).default(8080),
    ROLLCALL_API_VISION: enumSetting(['grpc', 'in-process'] as const).default('grpc'),
    ROLLCALL_VISION_ADDRESS: z
      .string()
      .regex(/^[\w.-]+:\d+$|^\[[\da-f:]+\]:\d+$/i, 'host:port, e.g. 127.0.0.1:50051')
      .default('127.0.0.1:50051'),
    ROLLCALL_API_BODY_LIMIT: intSetting(1024, 64 * MIB).default(MIB),
    ROLLCALL_API_FILE_LIMIT: intSetting(1024, 256 * MIB).default(15 * MIB),
    ROLLCALL_API_MAX_FILES: intSetting(1, 100).default(10),
  })
  .transform((env): ApiSettings => ({
    redisUrl: env.REDIS_URL,
    keyPrefix: env.ROLLCALL_KEY_PREFIX,
    host: env.ROLLCALL_API_HOST,
    port: env.ROLLCALL_API_PORT,
    vision: env.ROLLCALL_API_VISION,
    visionAddress: env.ROLLCALL_VISION_ADDRESS,
    bodyBytes: env.ROLLCALL_API_BODY_LIMIT,
    fileBytes: env.ROLLCALL_API_FILE_LIMIT,
    files: env.ROLLCALL_API_MAX_FILES,
  }));

/** Reads and validates the settings; every bad variable is listed in one CONFIG_INVALID. */
export function loadApiSettings(env: Env = process.env): ApiSettings {
  return loadConfig(schema, env);
}
