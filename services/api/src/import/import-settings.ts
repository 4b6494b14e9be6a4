import { enumSetting, intSetting, loadConfig, pathSetting, type Env } from '@rollcall/config';
import { z } from 'zod';

/** Bulk import settings, read once from the environment when the routes are registered. */
export interface ImportSettings {
  /**
   * `ROLLCALL_IMPORT_WORKER`: `on` (default) runs import jobs inside the API process; `off`
   * only queues them, for a separate worker process (`startImportWorker`).
   */
  readonly worker: boolean;
  /** `ROLLCALL_IMPORT_CONCURRENCY`: imports one process runs at once. Default 1. */
  readonly concurrency: number;
  /**
   * `ROLLCALL_IMPORT_ROOT`: the only folder (and its sub-folders) that `{folder}` imports may
   * read. Default unset: folder imports are refused, zip uploads still work.
   */
  readonly folderRoot: string | null;
  /** `ROLLCALL_IMPORT_MAX_UPLOAD`: largest zip upload, in bytes. Default 200 MiB. */
  readonly uploadBytes: number;
  /** `ROLLCALL_IMPORT_MAX_FILES`: most entries in one archive or folder. Default 10 000. */
  readonly maxEntries: number;
  /** `ROLLCALL_IMPORT_MAX_UNPACKED`: most bytes of all files together. Default 2 GiB. */
  readonly maxUnpackedBytes: number;
  /** `ROLLCALL_IMPORT_MAX_PHOTO`: largest single photo, in bytes. Default 15 MiB. */
  readonly photoBytes: number;
}

const MIB = 1024 * 1024;

const schema = z
  .object({
    ROLLCALL_IMPORT_WORKER: enumSetting(['on', 'off'] as const).default('on'),
    ROLLCALL_IMPORT_CONCURRENCY: intSetting(1, 16).default(1),
    ROLLCALL_IMPORT_ROOT: pathSetting.optional(),
    ROLLCALL_IMPORT_MAX_UPLOAD: intSetting(1024, 2048 * MIB).default(200 * MIB),
    ROLLCALL_IMPORT_MAX_FILES: intSetting(1, 1_000_000).default(10_000),
    ROLLCALL_IMPORT_MAX_UNPACKED: intSetting(1024, 64 * 1024 * MIB).default(2048 * MIB),
    ROLLCALL_IMPORT_MAX_PHOTO: intSetting(1024, 256 * MIB).default(15 * MIB),
  })
  .transform((env): ImportSettings => ({
    worker: env.ROLLCALL_IMPORT_WORKER === 'on',
    concurrency: env.ROLLCALL_IMPORT_CONCURRENCY,
    folderRoot: env.ROLLCALL_IMPORT_ROOT ?? null,
    uploadBytes: env.ROLLCALL_IMPORT_MAX_UPLOAD,
    maxEntries: env.ROLLCALL_IMPORT_MAX_FILES,
    maxUnpackedBytes: env.ROLLCALL_IMPORT_MAX_UNPACKED,
    photoBytes: env.ROLLCALL_IMPORT_MAX_PHOTO,
  }));

/** Reads and validates the settings; every bad variable is listed in one CONFIG_INVALID. */
export function loadImportSettings(env: Env = process.env): ImportSettings {
  return loadConfig(schema, env);
}
