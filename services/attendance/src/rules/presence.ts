/**
 * What the rules remember about one person: the minimal state that must survive a restart
 * (it is stored in Redis beside the records) so a new process neither checks someone in
 * twice within the cooldown nor forgets to check them out.
 */
export interface PersonPresence {
  readonly personId: string;
  /** Time of the last check-in (the cooldown runs from it). */
  readonly checkInAtMs: number;
  /** The last check-in's record id; the check-out that closes it derives its id from it. */
  readonly checkInRecordId: string;
  /** True between a check-in and the check-out that closes it. */
  readonly present: boolean;
  /** The last sighting: check-out by timeout is recorded at it, on its camera. */
  readonly lastSeenAtMs: number;
  readonly cameraId: string;
  readonly trackId: string;
  readonly faceId: string;
  readonly score: number;
}

/** The role a camera plays; only `exit` changes what a sighting means. */
export type CameraRole = 'entry' | 'exit';
