import type { Box } from '@rollcall/vision';

/**
 * One matcher result as the attendance logic sees it: where and when a face was seen, who
 * the matcher thinks it is, and the query embedding for appearance tracking. Decoded from
 * a `FaceMatched` entry by `contracts/match-codec.ts`, the one place that knows the wire form.
 */
export interface FaceMatch {
  /** `<camera_id>:<frame seq>:<index>`, unique per face per frame. */
  readonly faceId: string;
  readonly cameraId: string;
  readonly frameSeq: number;
  /** Capture time, ms since the Unix epoch (UTC). */
  readonly capturedAtMs: number;
  readonly box: Box;
  /** The matched person, or `''` when no one reached the threshold. */
  readonly personId: string;
  readonly score: number;
  readonly threshold: number;
  /** L2-normalised query embedding; empty when the matcher sent none. */
  readonly vector: Float32Array;
}
