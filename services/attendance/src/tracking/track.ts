import type { Box } from '@rollcall/vision';

/** One face followed across frames of one camera. */
export interface Track {
  /**
   * Derived from the face that started the track (`<face id>@<capture ms>`), so the same
   * matches, processed again from the same state, give the same track ids and record ids.
   */
  readonly id: string;
  readonly cameraId: string;
  readonly startedAtMs: number;
  box: Box;
  vector: Float32Array;
  lastSeenAtMs: number;
  lastFrameSeq: number;
  lastFaceId: string;
  sightings: number;
}
