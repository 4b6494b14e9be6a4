import { z } from 'zod';

import { checkPrefix } from './key-part';
import { DEFAULT_KEY_PREFIX } from './key-space';

/** Whether `checkPrefix` accepts `value` (it throws a coded error otherwise). */
function isKeyPrefix(value: string): boolean {
  try {
    checkPrefix(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * The variables every service on the streams reads, as zod fields to spread into its own
 * settings schema: `REDIS_URL` (default `redis://127.0.0.1:6379`) and `ROLLCALL_KEY_PREFIX`
 * (default `{rollcall}`), checked by the same rule `createKeySpace` applies.
 */
export const redisSettingsShape = {
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'a redis:// or rediss:// URL')
    .default('redis://127.0.0.1:6379'),
  ROLLCALL_KEY_PREFIX: z
    .string()
    .refine(isKeyPrefix, 'letters, digits, ".", "_" or "-", optionally in {braces}')
    .default(DEFAULT_KEY_PREFIX),
};
