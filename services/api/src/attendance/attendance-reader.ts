/** One attendance record as the API returns it. */
export interface AttendanceRow {
  readonly recordId: string;
  readonly personId: string;
  readonly type: 'check_in' | 'check_out';
  readonly atMs: number;
  readonly cameraId: string;
  readonly score: number;
}

/** Records of one local day, optionally of one person and/or one camera. */
export interface AttendanceQuery {
  /** `YYYY-MM-DD`, a day in `timeZone`. */
  readonly day: string;
  readonly timeZone: string;
  readonly personId?: string;
  readonly cameraId?: string;
  /** Most records returned. */
  readonly limit: number;
}

/** Where the API reads attendance from (the attendance service's store). */
export interface AttendanceReader {
  /** Records oldest first. */
  records(query: AttendanceQuery): Promise<AttendanceRow[]>;
}
