/** `at` (ISO or ms) as date and time on the wall clock of `timeZone`. */
export function dateTime(at: string | number, timeZone: string): string {
  return new Intl.DateTimeFormat(undefined, {
    timeZone,
    dateStyle: 'medium',
    timeStyle: 'medium',
  }).format(new Date(at));
}

/** `at` as a time of day in `timeZone`. */
export function timeOfDay(at: string | number, timeZone: string): string {
  return new Intl.DateTimeFormat(undefined, { timeZone, timeStyle: 'medium' }).format(new Date(at));
}

/** Today's date (`YYYY-MM-DD`) in `timeZone`. */
export function todayIn(timeZone: string, now: number = Date.now()): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(now));
}

/** The day `days` before `day` (`YYYY-MM-DD`). */
export function daysBefore(day: string, days: number): string {
  const at = Date.parse(`${day}T00:00:00Z`) - days * 86_400_000;
  return new Date(at).toISOString().slice(0, 10);
}

/** Milliseconds as hours with two decimals, e.g. `7.50 h`. */
export function hours(ms: number): string {
  return `${(ms / 3_600_000).toFixed(2)} h`;
}
