import type { Logger } from '@rollcall/log';
import { LiveSettings } from '@rollcall/settings';
import type { KeySpace } from '@rollcall/streams';
import type { Redis } from 'ioredis';

/** The site-wide threshold an operator set, or null to use the pack's. */
export type SettingsThresholdLookup = () => Promise<number | null>;

/** How the Redis-backed lookup refreshes. */
export interface SettingsThresholdOptions {
  /** How long one read of `keys.settings` is reused, in ms. Default 2000. */
  readonly refreshMs?: number;
  readonly logger?: Logger;
}

/**
 * Field `threshold` of `keys.settings`, which `PATCH /v1/settings` writes, read at most
 * once per `refreshMs` however many faces arrive. A value outside [-1, 1] is logged once
 * and ignored (the pack's threshold applies).
 */
export function redisSettingsThreshold(
  redis: Redis,
  keys: KeySpace,
  options: SettingsThresholdOptions = {},
): SettingsThresholdLookup {
  const live = new LiveSettings(redis, keys, options);
  return async () => (await live.get()).threshold;
}
