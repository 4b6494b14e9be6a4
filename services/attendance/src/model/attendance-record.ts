/** What a record says happened. */
export type AttendanceType = 'check_in' | 'check_out';

/**
 * An attendance record (the `AttendanceRecord` contract): append-only, and identified by a
 * `recordId` derived from the decision that made it, so writing it twice stores it once.
 */
export interface AttendanceRecord {
  readonly recordId: string;
  readonly personId: string;
  readonly type: AttendanceType;
  /** When it happened, ms since the Unix epoch (UTC). */
  readonly atMs: number;
  readonly cameraId: string;
  readonly score: number;
  readonly trackId: string;
  /** The face that decided the record. */
  readonly faceId: string;
}
