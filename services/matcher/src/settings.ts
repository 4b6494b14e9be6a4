import os from 'node:os';

import { enumSetting, intSetting, loadConfig, type Env } from '@rollcall/config';
import { checkPart, redisSettingsShape } from '@rollcall/streams';
import { z } from 'zod';

/** How one matcher process runs, read once from the environment at start. */
export interface MatcherSettings {
  /** `REDIS_URL`. Default `redis://127.0.0.1:6379`. */
  readonly redisUrl: string;
  /** `ROLLCALL_KEY_PREFIX`: prefix of every key. Default `{rollcall}`. */
  readonly keyPrefix: string;
  /** `MATCHER_CONSUMER`: this replica's name in the group. Default `<hostname>-<pid>`. */
  readonly consumer: string;
  /** `MATCHER_TOP_K`: candidates written per match, 1 to 50. Default 5. */
  readonly topK: number;
  /** `MATCHER_PRECISION`: `f32` (exact, default) or `i8` (int8 scan, rescored exactly). */
  readonly precision: 'f32' | 'i8';
}

const valid = (check: (value: string) => string) => (value: string) => {
  try {
    check(value);
    return true;
  } catch {
    return false;
  }
};

export function matcherSettingsSchema() {
  return z
    .object({
      ...redisSettingsShape,
      MATCHER_CONSUMER: z
        .string()
        .refine(
          valid((v) => checkPart('consumer', v)),
          '1-128 letters, digits, ".", "_" or "-"',
        )
        .default(`${os.hostname().replace(/[^\w.-]/g, '_')}-${process.pid}`),
      MATCHER_TOP_K: intSetting(1, 50).default(5),
      MATCHER_PRECISION: enumSetting(['f32', 'i8'] as const).default('f32'),
    })
    .transform((env): MatcherSettings => ({
      redisUrl: env.REDIS_URL,
      keyPrefix: env.ROLLCALL_KEY_PREFIX,
      consumer: env.MATCHER_CONSUMER,
      topK: env.MATCHER_TOP_K,
      precision: env.MATCHER_PRECISION,
    }));
}

/** Validated, frozen matcher settings; `CONFIG_INVALID` lists every bad variable. */
export function loadMatcherSettings(env: Env = process.env): MatcherSettings {
  return loadConfig(matcherSettingsSchema(), env);
}
