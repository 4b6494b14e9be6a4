import type { AttendanceRow } from './attendance-reader';

const COLUMNS = ['recordId', 'personId', 'name', 'type', 'at', 'cameraId', 'score'] as const;

/**
 * RFC 4180 CSV of `rows` (CRLF line ends, a header line), with each person's display name
 * from `names`. Fields that a spreadsheet would run as a formula get a leading `'`.
 */
export function attendanceCsv(
  rows: readonly AttendanceRow[],
  names: ReadonlyMap<string, string>,
): string {
  const lines = rows.map((row) =>
    [
      row.recordId,
      row.personId,
      names.get(row.personId) ?? '',
      row.type,
      new Date(row.atMs).toISOString(),
      row.cameraId,
      row.score.toFixed(4),
    ]
      .map(csvField)
      .join(','),
  );
  return [COLUMNS.join(','), ...lines].join('\r\n') + '\r\n';
}

function csvField(value: string): string {
  // OWASP CSV injection: = + - @ tab and CR start a formula in common spreadsheets.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
