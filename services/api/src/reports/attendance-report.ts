import { weekdayOf, type Weekday } from '@rollcall/settings';

import type { AttendanceRow } from '../attendance/attendance-reader';
import { today } from '../attendance/local-day';
import { localClock } from '@rollcall/attendance';

/** Who a report is about. */
export interface ReportPerson {
  readonly id: string;
  /** Null for a person deleted since their records were made. */
  readonly name: string | null;
  readonly group: string | null;
  /** When the person was enrolled; null for a deleted one (never counted absent). */
  readonly createdAtMs: number | null;
}

/** One person on one day. */
export interface ReportRow {
  readonly date: string;
  readonly personId: string;
  readonly name: string | null;
  readonly group: string | null;
  readonly status: 'present' | 'absent';
  /** The first check-in was after `lateAfter`. */
  readonly late: boolean;
  readonly firstInMs: number | null;
  readonly lastOutMs: number | null;
  /** First check-in and last check-out as `HH:MM` in the report's zone. */
  readonly firstIn: string | null;
  readonly lastOut: string | null;
  /** Time between each check-in and the check-out after it, summed. */
  readonly hoursMs: number;
  /** A check-in with no check-out after it (still in, or the exit camera missed them). */
  readonly open: boolean;
}

export interface PersonSummary extends Omit<ReportPerson, 'createdAtMs'> {
  readonly present: number;
  readonly absent: number;
  readonly late: number;
  readonly hoursMs: number;
}

export interface GroupSummary {
  /** Null: people in no group. */
  readonly group: string | null;
  readonly people: number;
  readonly present: number;
  readonly absent: number;
  readonly late: number;
  readonly hoursMs: number;
}

export interface AttendanceReport {
  readonly rows: ReportRow[];
  readonly people: PersonSummary[];
  readonly groups: GroupSummary[];
  /** First check-ins per hour of the day (0-23, local), over the whole range. */
  readonly arrivals: number[];
}

export interface ReportInput {
  /** The local days of the range, in order. */
  readonly days: readonly string[];
  readonly people: readonly ReportPerson[];
  /** Records of each day (oldest first), keyed by day. */
  readonly records: ReadonlyMap<string, readonly AttendanceRow[]>;
  readonly timeZone: string;
  /** `HH:MM`: a first check-in after this is late. */
  readonly lateAfter: string;
  /** Days a person who did not come is absent; on others only who came has a row. */
  readonly workdays: readonly Weekday[];
}

/**
 * Present, absent, late, first in, last out and hours per person per day, with totals.
 * A person has a row on each day they came, and an absent one on each working day from
 * the day they were enrolled on: never before they existed, on a weekend, or once deleted.
 */
export function buildReport(input: ReportInput): AttendanceReport {
  const rows: ReportRow[] = [];
  for (const day of input.days) {
    const byPerson = groupBy(input.records.get(day) ?? [], (r) => r.personId);
    const workday = input.workdays.includes(weekdayOf(day));
    for (const person of input.people) {
      const own = byPerson.get(person.id) ?? [];
      if (own.length === 0 && !(workday && expected(person, day, input.timeZone))) continue;
      rows.push(dayRow(day, person, own, input));
    }
  }

  const arrivals = new Array<number>(24).fill(0);
  for (const row of rows) {
    if (row.firstIn === null) continue;
    const hour = Number(row.firstIn.slice(0, 2));
    arrivals[hour] = (arrivals[hour] ?? 0) + 1;
  }
  return { rows, people: personTotals(input.people, rows), groups: groupTotals(rows), arrivals };
}

function expected(person: ReportPerson, day: string, timeZone: string): boolean {
  return person.createdAtMs !== null && day >= today(person.createdAtMs, timeZone);
}

function dayRow(
  date: string,
  person: ReportPerson,
  records: readonly AttendanceRow[],
  input: ReportInput,
): ReportRow {
  const ins = records.filter((r) => r.type === 'check_in');
  const outs = records.filter((r) => r.type === 'check_out');
  const firstInMs = ins[0]?.atMs ?? null;
  const lastOutMs = outs.at(-1)?.atMs ?? null;
  const firstIn = firstInMs === null ? null : localClock(firstInMs, input.timeZone);
  const { hoursMs, open } = pairedTime(records);

  return {
    date,
    personId: person.id,
    name: person.name,
    group: person.group,
    status: ins.length > 0 ? 'present' : 'absent',
    late: firstIn !== null && firstIn > input.lateAfter,
    firstInMs,
    lastOutMs,
    firstIn,
    lastOut: lastOutMs === null ? null : localClock(lastOutMs, input.timeZone),
    hoursMs,
    open,
  };
}

/** Sums check-in to next check-out; a second check-in while in keeps the first. */
function pairedTime(records: readonly AttendanceRow[]): { hoursMs: number; open: boolean } {
  let hoursMs = 0;
  let inSince: number | undefined;
  for (const record of records) {
    if (record.type === 'check_in') inSince ??= record.atMs;
    else if (inSince !== undefined) {
      hoursMs += record.atMs - inSince;
      inSince = undefined;
    }
  }
  return { hoursMs, open: inSince !== undefined };
}

function personTotals(people: readonly ReportPerson[], rows: readonly ReportRow[]) {
  const byPerson = groupBy(rows, (r) => r.personId);
  return people.map((person): PersonSummary => {
    const own = byPerson.get(person.id) ?? [];
    return { id: person.id, name: person.name, group: person.group, ...counts(own) };
  });
}

/** Deleted people (no name) belong to no group now, so no group's totals count them. */
function groupTotals(rows: readonly ReportRow[]): GroupSummary[] {
  const byGroup = groupBy(
    rows.filter((r) => r.name !== null),
    (r) => r.group ?? '',
  );
  return [...byGroup]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([group, own]) => ({
      group: group === '' ? null : group,
      people: new Set(own.map((r) => r.personId)).size,
      ...counts(own),
    }));
}

function counts(rows: readonly ReportRow[]) {
  return {
    present: rows.filter((r) => r.status === 'present').length,
    absent: rows.filter((r) => r.status === 'absent').length,
    late: rows.filter((r) => r.late).length,
    hoursMs: rows.reduce((sum, r) => sum + r.hoursMs, 0),
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list === undefined) groups.set(k, [item]);
    else list.push(item);
  }
  return groups;
}
