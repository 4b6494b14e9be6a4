import type { ConsumerStats } from '@rollcall/streams';

/** Running counts of one attendance process, returned when it stops. */
export interface AttendanceStats {
  /** Matches handled (each delivery that reached the engine). */
  matches: number;
  /** Records written. */
  records: number;
  /** Records decided again that were already stored (replays, redeliveries). */
  duplicates: number;
  /** Timeout sweeps run. */
  sweeps: number;
  consumer?: ConsumerStats;
}

export function emptyAttendanceStats(): AttendanceStats {
  return { matches: 0, records: 0, duplicates: 0, sweeps: 0 };
}
