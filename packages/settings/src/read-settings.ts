import type { KeySpace } from '@rollcall/streams';
import type { Redis } from 'ioredis';

import { parseSettings, type ParsedSettings } from './parse-settings';
import { DEFAULT_SETTINGS, type Settings } from './settings';

/** One `HGETALL` of `keys.settings`, parsed over `defaults`. */
export async function readSettings(
  redis: Redis,
  keys: KeySpace,
  defaults: Settings = DEFAULT_SETTINGS,
): Promise<ParsedSettings> {
  return parseSettings(await redis.hgetall(keys.settings), defaults);
}
