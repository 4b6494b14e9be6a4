import { RollcallError } from '@rollcall/errors';
import type { KeySpace } from '@rollcall/streams';
import type { Redis } from 'ioredis';

/**
 * The global settings services read from `keys.settings` (one hash, a field each).
 * Defaults match the attendance service's: 4 h cooldown, 2 s vote window, UTC.
 */
export interface Settings {
  /** Cosine-similarity match threshold; null: the model pack's own. */
  readonly threshold: number | null;
  /** No second check-in of a person within this many ms. */
  readonly cooldownMs: number;
  /** The agreeing matches of a track must fall within this many ms. */
  readonly voteWindowMs: number;
  /** IANA zone of attendance days and reports. */
  readonly timeZone: string;
}

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  threshold: null,
  cooldownMs: 4 * 3_600_000,
  voteWindowMs: 2_000,
  timeZone: 'UTC',
});

export async function readSettings(redis: Redis, keys: KeySpace): Promise<Settings> {
  const stored = await redis.hgetall(keys.settings);
  return {
    threshold:
      stored.threshold === undefined ? DEFAULT_SETTINGS.threshold : Number(stored.threshold),
    cooldownMs: numberOr(stored.cooldownMs, DEFAULT_SETTINGS.cooldownMs),
    voteWindowMs: numberOr(stored.voteWindowMs, DEFAULT_SETTINGS.voteWindowMs),
    timeZone: stored.timeZone ?? DEFAULT_SETTINGS.timeZone,
  };
}

/** Writes the given fields (null threshold: back to the pack's) and returns the result. */
export async function updateSettings(
  redis: Redis,
  keys: KeySpace,
  patch: Partial<Settings>,
): Promise<Settings> {
  if (patch.timeZone !== undefined) checkTimeZone(patch.timeZone);

  const multi = redis.multi();
  if (patch.threshold === null) multi.hdel(keys.settings, 'threshold');
  else if (patch.threshold !== undefined) multi.hset(keys.settings, 'threshold', patch.threshold);
  for (const name of ['cooldownMs', 'voteWindowMs', 'timeZone'] as const) {
    const value = patch[name];
    if (value !== undefined) multi.hset(keys.settings, name, String(value));
  }
  await multi.exec();
  return readSettings(redis, keys);
}

function checkTimeZone(zone: string): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    throw new RollcallError(
      'INVALID_ARGUMENT',
      `Time zone "${zone}" is unknown; use an IANA name such as Europe/Berlin or UTC.`,
      { details: { field: 'timeZone' } },
    );
  }
}

function numberOr(text: string | undefined, fallback: number): number {
  const value = Number(text);
  return text === undefined || !Number.isFinite(value) ? fallback : value;
}
