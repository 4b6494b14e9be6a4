import { createLogger } from '@rollcall/log';
import { appendEntry, type KeySpace } from '@rollcall/streams';
import type Redis from 'ioredis';

import {
  ATTENDANCE_GROUP,
  AttendanceService,
  encodeFaceMatch,
  type AttendanceRecord,
  type AttendanceServiceOptions,
  type AttendanceStats,
  type FaceMatch,
} from '../../src';
import { decodeRecord } from '../../src/contracts/match-codec';
import { waitFor } from './redis';

const MINUTE = 60_000;

/** The settings every service test runs with. */
export const ENGINE = {
  voting: { votesNeeded: 3, windowMs: 2_000 },
  rules: { cooldownMs: 60 * MINUTE, checkoutTimeoutMs: 10 * MINUTE },
};

/** A service instance on `keys`, its sweep clock in the test's hands. */
export class RunningService {
  readonly service: AttendanceService;
  private readonly controller = new AbortController();
  private readonly done: Promise<AttendanceStats>;

  constructor(
    private readonly redis: Redis,
    private readonly keys: KeySpace,
    readonly clock: { now: number },
    name: string,
    more: Partial<AttendanceServiceOptions> = {},
  ) {
    this.service = new AttendanceService({
      redis,
      keys,
      signal: this.controller.signal,
      timeZone: 'Europe/Berlin',
      engine: ENGINE,
      sweepEveryMs: 30,
      clock: () => clock.now,
      consumer: name,
      blockMs: 100,
      logger: createLogger({ service: 'attendance-test', level: 'silent' }),
      ...more,
    });
    this.done = this.service.run();
  }

  /** Waits until every entry on the matches stream has been handled and acknowledged. */
  async drained(): Promise<void> {
    await waitFor('the attendance group to finish the matches stream', async () => {
      const group = await groupInfo(this.redis, this.keys);
      return group !== undefined && group.lag === 0 && group.pending === 0;
    });
  }

  /** Moves the clock and waits for two sweeps, so at least one ran entirely after the move. */
  async sweepAt(nowMs: number): Promise<void> {
    this.clock.now = nowMs;
    const target = this.service.stats.sweeps + 2;
    await waitFor('two sweeps', () => this.service.stats.sweeps >= target);
  }

  stop(): Promise<AttendanceStats> {
    this.controller.abort();
    return this.done;
  }
}

export async function appendMatches(redis: Redis, keys: KeySpace, matches: readonly FaceMatch[]) {
  for (const match of matches) await appendEntry(redis, keys.matches, encodeFaceMatch(match));
}

/** Every stored record, by record id order, and how many entries the record stream holds. */
export async function storedRecords(redis: Redis, keys: KeySpace) {
  const stored = await redis.hgetallBuffer(keys.attendanceRecords);
  const records: AttendanceRecord[] = Object.values(stored).map((bytes) => decodeRecord(bytes));
  records.sort((a, b) => a.atMs - b.atMs || a.recordId.localeCompare(b.recordId));
  return { records, streamLength: await redis.xlen(keys.attendance.key) };
}

async function groupInfo(redis: Redis, keys: KeySpace) {
  const exists = await redis.exists(keys.matches.key);
  if (exists === 0) return undefined;
  const groups = (await redis.call('XINFO', 'GROUPS', keys.matches.key)) as unknown[][];
  for (const flat of groups) {
    const fields = new Map<string, unknown>();
    for (let i = 0; i + 1 < flat.length; i += 2) fields.set(String(flat[i]), flat[i + 1]);
    if (fields.get('name') !== ATTENDANCE_GROUP) continue;
    return { lag: Number(fields.get('lag')), pending: Number(fields.get('pending')) };
  }
  return undefined;
}
