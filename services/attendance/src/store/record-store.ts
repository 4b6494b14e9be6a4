import type { KeySpace } from '@rollcall/streams';
import type { Redis } from 'ioredis';

import { recordEntry } from '../contracts/match-codec';
import type { AttendanceRecord } from '../model/attendance-record';
import type { Decision } from '../rules/attendance-rules';
import type { PersonPresence } from '../rules/presence';
import { checkTimeZone, localDay } from '../rules/time-zone';
import { LuaScript } from './lua-script';
import { savePresence } from './presence-store';

const writeRecord = new LuaScript('write-record-6.lua', 6);

/** What storing a decision did. */
export type WriteOutcome = 'written' | 'duplicate' | 'state-only' | 'nothing';

/**
 * Stores decisions: a record with its indexes and the person's presence in one Lua call
 * (atomic, and a no-op when the record id is taken), or the presence alone.
 */
export class RecordStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: KeySpace,
    /** Zone of the by-day index. */
    private timeZone: string,
  ) {}

  /** Records written from now on are indexed under their day in `timeZone` (checked). */
  useTimeZone(timeZone: string): void {
    this.timeZone = checkTimeZone(timeZone);
  }

  async write(decision: Decision): Promise<WriteOutcome> {
    if (decision.record) return this.writeRecord(decision.record, decision.presence);
    if (decision.presence === undefined) return 'nothing';

    await savePresence(this.redis, this.keys, decision.presence);
    return 'state-only';
  }

  private async writeRecord(
    record: AttendanceRecord,
    presence: PersonPresence | undefined,
  ): Promise<WriteOutcome> {
    const { keys } = this;
    const entry = recordEntry(record);
    const written = await writeRecord.run(
      this.redis,
      [
        keys.attendanceRecords,
        keys.attendance.key,
        keys.attendanceByDay(localDay(record.atMs, this.timeZone)),
        keys.attendanceByPerson(record.personId),
        keys.attendanceByCamera(record.cameraId),
        keys.attendancePresence,
      ],
      [
        record.recordId,
        entry.data,
        String(record.atMs),
        String(keys.attendance.maxLen),
        String(entry.schemaVersion),
        entry.type,
        record.personId,
        presence ? JSON.stringify(presence) : '',
      ],
    );
    return written === 1 ? 'written' : 'duplicate';
  }
}
