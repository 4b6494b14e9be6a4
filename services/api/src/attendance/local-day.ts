import { RollcallError } from '@rollcall/errors';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `[start, end)` in ms of the local day `day` (`YYYY-MM-DD`) in the IANA zone `timeZone`. */
export function localDayRange(day: string, timeZone: string): { fromMs: number; toMs: number } {
  const match = DAY.exec(day);
  const [year, month, date] = (match ?? []).slice(1).map(Number) as [number, number, number];
  const midnightUtc = Date.UTC(year, month - 1, date);
  if (match === null || new Date(midnightUtc).toISOString().slice(0, 10) !== day) {
    throw new RollcallError('INVALID_ARGUMENT', `"${day}" is not a date; use YYYY-MM-DD.`, {
      details: { field: 'querystring.date' },
    });
  }
  const nextUtc = Date.UTC(year, month - 1, date + 1);
  return { fromMs: zoneMidnight(midnightUtc, timeZone), toMs: zoneMidnight(nextUtc, timeZone) };
}

/** Today's date (`YYYY-MM-DD`) in `timeZone`. */
export function today(nowMs: number, timeZone: string): string {
  const parts = zoneParts(nowMs, timeZone);
  return `${parts.year}-${pad(parts.month)}-${pad(parts.day)}`;
}

/*
 * The instant the zone's wall clock shows the date of `utcMidnight` at 00:00. The offset
 * at the UTC guess is applied, then re-read at the result, which settles days on which the
 * offset changes (a DST switch) to the right side.
 */
function zoneMidnight(utcMidnight: number, timeZone: string): number {
  let instant = utcMidnight - offsetMs(utcMidnight, timeZone);
  instant = utcMidnight - offsetMs(instant, timeZone);
  return instant;
}

function offsetMs(instant: number, timeZone: string): number {
  const p = zoneParts(instant, timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(instant / 1000) * 1000;
}

function zoneParts(instant: number, timeZone: string) {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const parts = Object.fromEntries(
    format.formatToParts(new Date(instant)).map((part) => [part.type, Number(part.value)]),
  );
  return parts as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
