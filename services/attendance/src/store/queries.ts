import { RollcallError } from '@rollcall/errors';
import type { KeySpace } from '@rollcall/streams';
import type { Redis } from 'ioredis';

import { decodeRecord } from '../contracts/match-codec';
import type { AttendanceRecord } from '../model/attendance-record';
import { checkTimeZone, localDay, localTime } from '../rules/time-zone';

/** A stored record with its time shown in a zone. */
export interface ReportedRecord extends AttendanceRecord {
  /** `atMs` in the query's zone, ISO 8601 with offset. */
  readonly localTime: string;
  /** `YYYY-MM-DD` of `atMs` in the query's zone. */
  readonly localDay: string;
}

/** Which records of an index to return, oldest first. */
export interface RecordQuery {
  /** Zone the times are reported in (IANA name). Required. */
  timeZone: string;
  /** Earliest `atMs`, inclusive. Default: no bound. */
  fromMs?: number;
  /** Latest `atMs`, inclusive. Default: no bound. */
  toMs?: number;
  /** Most records returned. Default 1000. */
  limit?: number;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Records of one local day. The by-day index is kept in the service's configured zone
 * (`ROLLCALL_TIMEZONE`); pass the same zone to report them, or the days will not line up.
 */
export async function recordsByDay(
  redis: Redis,
  keys: KeySpace,
  day: string,
  query: RecordQuery,
): Promise<ReportedRecord[]> {
  if (!DAY.test(day)) {
    throw new RollcallError('INVALID_ARGUMENT', `Day "${day}" is not a date; use YYYY-MM-DD.`, {
      details: { day },
    });
  }
  return readIndex(redis, keys, keys.attendanceByDay(day), query);
}

/** Records of one person, optionally within a time range. */
export async function recordsByPerson(
  redis: Redis,
  keys: KeySpace,
  personId: string,
  query: RecordQuery,
): Promise<ReportedRecord[]> {
  return readIndex(redis, keys, keys.attendanceByPerson(personId), query);
}

/** Records decided on one camera, optionally within a time range. */
export async function recordsByCamera(
  redis: Redis,
  keys: KeySpace,
  cameraId: string,
  query: RecordQuery,
): Promise<ReportedRecord[]> {
  return readIndex(redis, keys, keys.attendanceByCamera(cameraId), query);
}

async function readIndex(
  redis: Redis,
  keys: KeySpace,
  index: string,
  query: RecordQuery,
): Promise<ReportedRecord[]> {
  const timeZone = checkTimeZone(query.timeZone);
  const min = query.fromMs === undefined ? '-inf' : String(query.fromMs);
  const max = query.toMs === undefined ? '+inf' : String(query.toMs);
  const limit = String(query.limit ?? 1000);

  const ids = await redis.zrange(index, min, max, 'BYSCORE', 'LIMIT', 0, limit);
  if (ids.length === 0) return [];
  const stored = await redis.hmgetBuffer(keys.attendanceRecords, ...ids);

  return stored
    .filter((bytes): bytes is Buffer => bytes !== null)
    .map((bytes) => report(decodeRecord(bytes), timeZone));
}

function report(record: AttendanceRecord, timeZone: string): ReportedRecord {
  return {
    ...record,
    localTime: localTime(record.atMs, timeZone),
    localDay: localDay(record.atMs, timeZone),
  };
}
