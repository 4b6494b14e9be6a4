/*
 * One way of writing times on every page: 24-hour clock, dates as YYYY-MM-DD (as reports
 * and exports write them), always on the wall clock of the settings' zone, which each page
 * names once ("Times in Europe/Berlin").
 */

function parts(at: string | number, timeZone: string) {
  const read = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(at));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    read.find((p) => p.type === type)?.value ?? '';
  return {
    date: `${part('year')}-${part('month')}-${part('day')}`,
    time: `${part('hour')}:${part('minute')}:${part('second')}`,
  };
}

/** `at` (ISO or ms) as `YYYY-MM-DD HH:MM:SS` on the wall clock of `timeZone`. */
export function dateTime(at: string | number, timeZone: string): string {
  const { date, time } = parts(at, timeZone);
  return `${date} ${time}`;
}

/** `at` as `HH:MM:SS` in `timeZone`. */
export function timeOfDay(at: string | number, timeZone: string): string {
  return parts(at, timeZone).time;
}

/** `HH:MM:SS` when `at` is today in `timeZone`, else with its date in front. */
export function recentTime(at: string | number, timeZone: string, now = Date.now()): string {
  const { date, time } = parts(at, timeZone);
  return date === todayIn(timeZone, now) ? time : `${date} ${time}`;
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
