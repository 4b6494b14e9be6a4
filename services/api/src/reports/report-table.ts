import type { ReportRow } from './attendance-report';
import { localTime } from '@rollcall/attendance';

/** How an export names a person deleted since their records were made. */
export const DELETED_PERSON = '(deleted person)';

/** Column headers of the exported report, in order. */
export const REPORT_COLUMNS = [
  'date',
  'personId',
  'name',
  'group',
  'status',
  'late',
  'firstIn',
  'lastOut',
  'hours',
] as const;

/** A cell: text, or a number a spreadsheet can sum. */
export type Cell = string | number;

/**
 * The rows of an export: one per person per day, first in and last out as ISO 8601 in
 * the report's zone with its offset, so the file carries the zone it was made in.
 */
export function reportTable(rows: readonly ReportRow[], timeZone: string): Cell[][] {
  const time = (atMs: number | null) =>
    atMs === null ? '' : localTime(atMs, timeZone, { millis: false });
  return rows.map((row) => [
    row.date,
    row.personId,
    row.name ?? DELETED_PERSON,
    row.group ?? '',
    row.status,
    row.late ? 'yes' : 'no',
    time(row.firstInMs),
    time(row.lastOutMs),
    Math.round((row.hoursMs / 3_600_000) * 100) / 100,
  ]);
}

/** RFC 4180 CSV with a header line and CRLF line ends. */
export function tableCsv(header: readonly string[], table: readonly Cell[][]): string {
  const lines = [header, ...table].map((cells) => cells.map(csvField).join(','));
  return lines.join('\r\n') + '\r\n';
}

function csvField(cell: Cell): string {
  if (typeof cell === 'number') return String(cell);
  // OWASP CSV injection: = + - @ tab and CR start a formula in common spreadsheets.
  const safe = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
