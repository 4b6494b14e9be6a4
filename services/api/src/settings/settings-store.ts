import { RollcallError } from '@rollcall/errors';
import {
  formatWorkdays,
  isTimeZone,
  parseWorkdays,
  readSettings as readStoredSettings,
  WORKDAYS_FIELD,
  type Settings,
  type Weekday,
} from '@rollcall/settings';
import type { KeySpace } from '@rollcall/streams';
import type { Redis } from 'ioredis';

export { DEFAULT_SETTINGS, type Settings } from '@rollcall/settings';

/** What the API shows and changes: the pipeline's settings and the reports' working days. */
export interface ApiSettings extends Settings {
  readonly workdays: readonly Weekday[];
}

/**
 * The settings in `keys.settings`, a field each, absent fields at `DEFAULT_SETTINGS` (the
 * same defaults the attendance service starts from). The matcher and the attendance
 * service read the same hash through `@rollcall/settings` while they run.
 */
export async function readSettings(redis: Redis, keys: KeySpace): Promise<ApiSettings> {
  const [stored, workdays] = await Promise.all([
    readStoredSettings(redis, keys),
    redis.hget(keys.settings, WORKDAYS_FIELD),
  ]);
  return { ...stored.settings, workdays: parseWorkdays(workdays) };
}

/** Writes the given fields (null threshold: back to the pack's) and returns the result. */
export async function updateSettings(
  redis: Redis,
  keys: KeySpace,
  patch: Partial<ApiSettings>,
): Promise<ApiSettings> {
  if (patch.timeZone !== undefined) checkTimeZone(patch.timeZone);

  const multi = redis.multi();
  if (patch.threshold === null) multi.hdel(keys.settings, 'threshold');
  else if (patch.threshold !== undefined) multi.hset(keys.settings, 'threshold', patch.threshold);
  for (const name of ['cooldownMs', 'voteWindowMs', 'timeZone'] as const) {
    const value = patch[name];
    if (value !== undefined) multi.hset(keys.settings, name, String(value));
  }
  if (patch.workdays !== undefined) {
    multi.hset(keys.settings, WORKDAYS_FIELD, formatWorkdays(patch.workdays));
  }
  await multi.exec();
  return readSettings(redis, keys);
}

function checkTimeZone(zone: string): void {
  if (!isTimeZone(zone)) {
    throw new RollcallError(
      'INVALID_ARGUMENT',
      `Time zone "${zone}" is unknown; use an IANA name such as Europe/Berlin or UTC.`,
      { details: { field: 'timeZone' } },
    );
  }
}
