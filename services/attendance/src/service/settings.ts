import { intSetting, loadConfig, type Env } from '@rollcall/config';
import { DEFAULT_SETTINGS, SETTING_LIMITS } from '@rollcall/settings';
import { redisSettingsShape } from '@rollcall/streams';
import { z } from 'zod';

import { checkTimeZone } from '../rules/time-zone';

/**
 * The attendance service's settings, read once from the environment. Time zone, vote
 * window and cooldown are only the defaults: the fields of `keys.settings` the API writes
 * take their place while the service runs (see `service/settings-follower.ts`).
 */
export interface AttendanceSettings {
  /** `REDIS_URL`. Default `redis://127.0.0.1:6379`. */
  readonly redisUrl: string;
  /** `ROLLCALL_KEY_PREFIX`. Default `{rollcall}`. */
  readonly keyPrefix: string;
  /** `ROLLCALL_TIMEZONE`: IANA zone of the by-day index and reports. Default `UTC`. */
  readonly timeZone: string;
  /** `ROLLCALL_ATTENDANCE_VOTES`: agreeing matches a track needs (K). Default 3. */
  readonly votesNeeded: number;
  /** `ROLLCALL_ATTENDANCE_VOTE_WINDOW_MS`: window the K matches must fit in. Default 2000. */
  readonly voteWindowMs: number;
  /** `ROLLCALL_ATTENDANCE_COOLDOWN_MS`: no second check-in within it. Default 4 h. */
  readonly cooldownMs: number;
  /** `ROLLCALL_ATTENDANCE_CHECKOUT_TIMEOUT_MS`: unseen this long = checked out. Default 30 min. */
  readonly checkoutTimeoutMs: number;
  /** `ROLLCALL_ATTENDANCE_SWEEP_MS`: how often timeouts are looked for. Default 10000. */
  readonly sweepEveryMs: number;
}

const HOUR_MS = 3_600_000;
const DAYS_30_MS = 30 * 24 * HOUR_MS;
const { cooldownMs, voteWindowMs } = SETTING_LIMITS;

const schema = z
  .object({
    ...redisSettingsShape,
    ROLLCALL_TIMEZONE: z
      .string()
      .refine(isValid(checkTimeZone), 'an IANA time zone such as Europe/Berlin or UTC')
      .default(DEFAULT_SETTINGS.timeZone),
    ROLLCALL_ATTENDANCE_VOTES: intSetting(1, 100).default(3),
    ROLLCALL_ATTENDANCE_VOTE_WINDOW_MS: intSetting(voteWindowMs.min, voteWindowMs.max).default(
      DEFAULT_SETTINGS.voteWindowMs,
    ),
    ROLLCALL_ATTENDANCE_COOLDOWN_MS: intSetting(cooldownMs.min, cooldownMs.max).default(
      DEFAULT_SETTINGS.cooldownMs,
    ),
    ROLLCALL_ATTENDANCE_CHECKOUT_TIMEOUT_MS: intSetting(1, DAYS_30_MS).default(HOUR_MS / 2),
    ROLLCALL_ATTENDANCE_SWEEP_MS: intSetting(100, HOUR_MS).default(10_000),
  })
  .transform((env): AttendanceSettings => ({
    redisUrl: env.REDIS_URL,
    keyPrefix: env.ROLLCALL_KEY_PREFIX,
    timeZone: env.ROLLCALL_TIMEZONE,
    votesNeeded: env.ROLLCALL_ATTENDANCE_VOTES,
    voteWindowMs: env.ROLLCALL_ATTENDANCE_VOTE_WINDOW_MS,
    cooldownMs: env.ROLLCALL_ATTENDANCE_COOLDOWN_MS,
    checkoutTimeoutMs: env.ROLLCALL_ATTENDANCE_CHECKOUT_TIMEOUT_MS,
    sweepEveryMs: env.ROLLCALL_ATTENDANCE_SWEEP_MS,
  }));

/** Reads and validates the settings; every bad variable is listed in one CONFIG_INVALID. */
export function loadAttendanceSettings(env: Env = process.env): AttendanceSettings {
  return loadConfig(schema, env);
}

function isValid(check: (value: string) => string): (value: string) => boolean {
  return (value) => {
    try {
      check(value);
      return true;
    } catch {
      return false;
    }
  };
}
