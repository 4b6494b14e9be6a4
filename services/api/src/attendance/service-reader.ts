import {
  recordsByCamera,
  recordsByDay,
  recordsByPerson,
  type ReportedRecord,
} from '@rollcall/attendance';
import type { KeySpace } from '@rollcall/streams';
import type { Redis } from 'ioredis';

import type { AttendanceQuery, AttendanceReader, AttendanceRow } from './attendance-reader';
import { localDayRange } from './local-day';

const DAY_MS = 86_400_000;

/**
 * Reads through the attendance service's query functions. With a person or camera, that
 * index is read over the day's range. With only a day, the by-day indexes around it are
 * read and filtered by time: the service keys days in its own zone
 * (`ROLLCALL_TIMEZONE`), which need not be the zone the API is asked in.
 */
export function serviceAttendanceReader(redis: Redis, keys: KeySpace): AttendanceReader {
  return {
    async records(query: AttendanceQuery): Promise<AttendanceRow[]> {
      const { fromMs, toMs } = localDayRange(query.day, query.timeZone);
      // The service's bounds are inclusive; a day is [from, to).
      const range = { timeZone: query.timeZone, fromMs, toMs: toMs - 1, limit: query.limit };

      let found: ReportedRecord[];
      if (query.personId !== undefined) {
        found = await recordsByPerson(redis, keys, query.personId, range);
      } else if (query.cameraId !== undefined) {
        found = await recordsByCamera(redis, keys, query.cameraId, range);
      } else {
        const days = aroundDays(fromMs, toMs);
        found = (await Promise.all(days.map((d) => recordsByDay(redis, keys, d, range)))).flat();
      }

      return found
        .filter(
          (record) =>
            record.atMs >= fromMs &&
            record.atMs < toMs &&
            (query.cameraId === undefined || record.cameraId === query.cameraId),
        )
        .map(toRow)
        .sort((a, b) => a.atMs - b.atMs || a.recordId.localeCompare(b.recordId))
        .slice(0, query.limit);
    },
  };
}

/*
 * Any zone's local day lies within a day of the UTC date, so the UTC dates of the range,
 * one day either side, cover whatever zone the service keys its days in.
 */
function aroundDays(fromMs: number, toMs: number): string[] {
  const days = [fromMs - DAY_MS, fromMs, toMs, toMs + DAY_MS].map((ms) =>
    new Date(ms).toISOString().slice(0, 10),
  );
  return [...new Set(days)];
}

function toRow(record: ReportedRecord): AttendanceRow {
  return {
    recordId: record.recordId,
    personId: record.personId,
    type: record.type,
    atMs: record.atMs,
    cameraId: record.cameraId,
    score: record.score,
  };
}
