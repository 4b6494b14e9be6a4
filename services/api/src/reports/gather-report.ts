import { RollcallError } from '@rollcall/errors';
import { findPerson, getPerson, listPeople } from '@rollcall/registry';
import type { Weekday } from '@rollcall/settings';

import type { AttendanceRow } from '../attendance/attendance-reader';
import { localDayRange, today } from '../attendance/local-day';
import type { RouteDeps } from '../routes/route-deps';
import { readSettings } from '../settings/settings-store';
import { buildReport, type AttendanceReport, type ReportPerson } from './attendance-report';
import { daysBetween } from './days-between';

/** What a report is asked for; days are local days in the settings' zone. */
export interface ReportQuery {
  /** `YYYY-MM-DD`. Default: today. */
  readonly from?: string;
  /** `YYYY-MM-DD`, included. Default: `from`. */
  readonly to?: string;
  readonly personId?: string;
  readonly group?: string;
  /** `HH:MM`. Default 09:00. */
  readonly lateAfter?: string;
}

export interface GatheredReport extends AttendanceReport {
  readonly from: string;
  readonly to: string;
  readonly timeZone: string;
  readonly lateAfter: string;
  readonly workdays: readonly Weekday[];
}

/** Longest range one report covers: a quarter, which keeps one request to seconds. */
export const MAX_REPORT_DAYS = 93;
const MOST_RECORDS_PER_DAY = 100_000;

/** Reads the people and each day's records, then builds the report. */
export async function gatherReport(deps: RouteDeps, query: ReportQuery): Promise<GatheredReport> {
  const { timeZone, workdays } = await readSettings(deps.redis, deps.keys);
  const from = query.from ?? today(deps.now(), timeZone);
  const to = query.to ?? from;
  const lateAfter = query.lateAfter ?? '09:00';
  const days = checkedDays(from, to, timeZone);

  const records = new Map<string, AttendanceRow[]>();
  for (const day of days) {
    const rows = await deps.attendance.records({
      day,
      timeZone,
      personId: query.personId,
      limit: MOST_RECORDS_PER_DAY,
    });
    records.set(day, rows);
  }
  const people = await reportPeople(deps, query, [...records.values()].flat());

  return {
    from,
    to,
    timeZone,
    lateAfter,
    workdays,
    ...buildReport({ days, people, records, timeZone, lateAfter, workdays }),
  };
}

function checkedDays(from: string, to: string, timeZone: string): string[] {
  // Throws INVALID_ARGUMENT for a date that does not exist.
  localDayRange(from, timeZone);
  localDayRange(to, timeZone);
  const days = daysBetween(from, to);
  if (days.length === 0 || days.length > MAX_REPORT_DAYS) {
    throw new RollcallError(
      'INVALID_ARGUMENT',
      `A report covers 1 to ${MAX_REPORT_DAYS} days; "${from}" to "${to}" is ` +
        `${days.length === 0 ? 'backwards' : `${days.length} days`}.`,
      { details: { field: 'querystring.to' } },
    );
  }
  return days;
}

/**
 * Enrolled people the query covers (every one, a group or one person), plus anyone with
 * records in the range who has been deleted since: their hours still happened.
 */
async function reportPeople(
  deps: RouteDeps,
  query: ReportQuery,
  rows: readonly AttendanceRow[],
): Promise<ReportPerson[]> {
  if (query.personId !== undefined) {
    const person = await getPerson(deps.registry, query.personId);
    return [
      { id: person.id, name: person.name, group: person.group, createdAtMs: person.createdAtMs },
    ];
  }

  const page = await listPeople(deps.registry, { group: query.group });
  const people: ReportPerson[] = page.people.map((p) => ({
    id: p.id,
    name: p.name,
    group: p.group,
    createdAtMs: p.createdAtMs,
  }));
  const known = new Set(people.map((p) => p.id));
  for (const id of new Set(rows.map((r) => r.personId))) {
    if (known.has(id)) continue;
    const person = await findPerson(deps.registry, id);
    // A person moved out of the group is not counted in it; a deleted one is kept.
    if (person === undefined && query.group === undefined) {
      people.push({ id, name: null, group: null, createdAtMs: null });
    }
  }
  return people;
}
