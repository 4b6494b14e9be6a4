import type { RgbImage } from '../image/rgb-image';
import type { Box, FivePoints } from '../geometry/types';

/** One face found by a detector. */
export interface DetectedFace {
  readonly box: Box;
  readonly landmarks: FivePoints;
  /** Detector confidence in [0, 1]. */
  readonly score: number;
}

export interface DetectOptions {
  /** Faces scoring below this are dropped. Default: the pack's detection threshold. */
  readonly minScore?: number;
  /** Boxes overlapping a better one by more than this IoU are dropped. Default 0.4. */
  readonly nmsIou?: number;
  /** At most this many faces, best first. Default: no limit. */
  readonly maxFaces?: number;
}

/**
 * Finds every face in an image. Implementations own their model session and their
 * pre- and post-processing; callers only see boxes, five landmarks and scores, sorted by
 * score (best first), in the coordinates of the image they passed.
 */
export interface FaceDetector {
  readonly id: string;
  detect(image: RgbImage, options?: DetectOptions): Promise<DetectedFace[]>;
  close(): Promise<void>;
}
