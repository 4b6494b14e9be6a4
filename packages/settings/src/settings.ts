/**
 * The settings an operator changes at run time through the admin API. They live in one
 * Redis hash, `keys.settings`, a field each; the matcher and the attendance service read
 * that hash while they run. This module is the one place their defaults and limits live.
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

const HOUR_MS = 3_600_000;

/**
 * What applies when the hash lacks a field (and the service was given nothing else):
 * the pack's threshold, a 4 h cooldown, a 2 s vote window, UTC.
 */
export const DEFAULT_SETTINGS: Settings = Object.freeze({
  threshold: null,
  cooldownMs: 4 * HOUR_MS,
  voteWindowMs: 2_000,
  timeZone: 'UTC',
});

/** Inclusive bounds of the numeric settings; the API refuses values outside them. */
export const SETTING_LIMITS = Object.freeze({
  threshold: Object.freeze({ min: -1, max: 1 }),
  cooldownMs: Object.freeze({ min: 1, max: 30 * 24 * HOUR_MS }),
  voteWindowMs: Object.freeze({ min: 1, max: 10 * 60_000 }),
});

/**
 * How long a service reuses what it read, in ms: an operator's change takes effect within
 * about this long, and a busy service pays one small read per this long, not one per face.
 */
export const SETTINGS_REFRESH_MS = 2_000;
