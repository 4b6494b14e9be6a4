import { DEFAULT_SETTINGS, SETTING_LIMITS, type Settings } from './settings';

/** A stored field that could not be used; its default applies instead. */
export interface IgnoredSetting {
  readonly field: keyof Settings;
  readonly value: string;
  readonly reason: string;
}

/** The settings a hash gives, and the fields of it that were refused. */
export interface ParsedSettings {
  readonly settings: Settings;
  readonly ignored: readonly IgnoredSetting[];
}

/**
 * The settings held by the fields of `keys.settings`, each absent or empty field taken
 * from `defaults`. The API only writes valid values, but the hash is plain Redis: a value
 * written by hand that is out of range or unreadable is refused (listed in `ignored`) and
 * its default applies, so a typo can neither stop a service nor reach its rules.
 */
export function parseSettings(
  fields: Readonly<Record<string, string | undefined>>,
  defaults: Settings = DEFAULT_SETTINGS,
): ParsedSettings {
  const ignored: IgnoredSetting[] = [];
  const pick = <T>(field: keyof Settings, fallback: T, read: (text: string) => Read<T>): T => {
    const text = fields[field]?.trim();
    if (text === undefined || text === '') return fallback;
    const outcome = read(text);
    if ('value' in outcome) return outcome.value;
    ignored.push({ field, value: text, reason: outcome.refused });
    return fallback;
  };

  const { threshold, cooldownMs, voteWindowMs } = SETTING_LIMITS;
  const settings: Settings = {
    threshold: pick<number | null>('threshold', defaults.threshold, (t) => bounded(t, threshold)),
    cooldownMs: pick('cooldownMs', defaults.cooldownMs, (t) => whole(t, cooldownMs)),
    voteWindowMs: pick('voteWindowMs', defaults.voteWindowMs, (t) => whole(t, voteWindowMs)),
    timeZone: pick('timeZone', defaults.timeZone, zoneOf),
  };
  return { settings, ignored };
}

/** True when this runtime's Intl knows `zone` (tzdata ships with Node's ICU). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** A field's value, or why it was refused. */
type Read<T> = { readonly value: T } | { readonly refused: string };

interface Range {
  readonly min: number;
  readonly max: number;
}

function bounded(text: string, range: Range): Read<number> {
  const value = Number(text);
  if (!Number.isFinite(value)) return { refused: 'not a number' };
  if (value < range.min || value > range.max) {
    return { refused: `not in [${range.min}, ${range.max}]` };
  }
  return { value };
}

function whole(text: string, range: Range): Read<number> {
  const read = bounded(text, range);
  if ('value' in read && !Number.isInteger(read.value)) return { refused: 'not a whole number' };
  return read;
}

function zoneOf(text: string): Read<string> {
  return isTimeZone(text) ? { value: text } : { refused: 'not an IANA time zone' };
}
