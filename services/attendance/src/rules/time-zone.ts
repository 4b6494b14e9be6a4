import { RollcallError } from '@rollcall/errors';

/*
 * Times are stored as UTC ms and shown in one configured IANA zone. Intl carries the zone
 * database (tzdata ships with Node's ICU), so no library is needed; formatters are built
 * once per zone because constructing one costs far more than using it.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

/** `timeZone` unchanged when it is an IANA zone this runtime knows; else a coded error. */
export function checkTimeZone(timeZone: string): string {
  try {
    formatter(timeZone);
    return timeZone;
  } catch {
    throw new RollcallError(
      'INVALID_ARGUMENT',
      `Time zone "${timeZone}" is unknown; use an IANA name such as Europe/Berlin or UTC.`,
      { details: { timeZone } },
    );
  }
}

/** The calendar day of `atMs` in `timeZone`, as `YYYY-MM-DD` (the by-day index key). */
export function localDay(atMs: number, timeZone: string): string {
  const p = localParts(atMs, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/**
 * `atMs` as local ISO 8601 with the zone's offset, e.g. `2026-03-29T03:30:00.000+02:00`;
 * with `millis: false` to the second (`2026-03-29T03:30:00+02:00`), as exports show it.
 */
export function localTime(
  atMs: number,
  timeZone: string,
  options: { readonly millis?: boolean } = {},
): string {
  const p = localParts(atMs, timeZone);
  const wallMs = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
  const offsetMin = Math.round((wallMs - Math.floor(atMs / 1000) * 1000) / 60_000);
  const millis = String(((atMs % 1000) + 1000) % 1000).padStart(3, '0');
  const seconds = options.millis === false ? p.second : `${p.second}.${millis}`;
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${seconds}${offset(offsetMin)}`;
}

/** `HH:MM` (24-hour) of `atMs` on the wall clock of `timeZone`. */
export function localClock(atMs: number, timeZone: string): string {
  const p = localParts(atMs, timeZone);
  return `${p.hour}:${p.minute}`;
}

interface LocalParts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
}

function localParts(atMs: number, timeZone: string): LocalParts {
  const parts: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(atMs)) parts[part.type] = part.value;
  return {
    year: parts.year ?? '',
    month: parts.month ?? '',
    day: parts.day ?? '',
    hour: parts.hour ?? '',
    minute: parts.minute ?? '',
    second: parts.second ?? '',
  };
}

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

function offset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${sign}${hh}:${mm}`;
}
