import type { Box, Embedding, FivePoints } from '@rollcall/vision';

/** A face's measurements, as both the workers and the in-process analyzer report them. */
export interface VisionFaceQuality {
  /** Pixels between the eye centres. */
  readonly eyeDistance: number;
  /** Variance of the Laplacian on the inner face (see @rollcall/vision sharpness). */
  readonly sharpness: number;
  readonly yaw: number;
  readonly pitch: number;
  readonly roll: number;
}

/** One face found in a photo, with its embedding. */
export interface VisionFace {
  readonly box: Box;
  readonly landmarks: FivePoints;
  /** The detector's score in [0, 1]. */
  readonly score: number;
  readonly quality: VisionFaceQuality;
  readonly embedding: Embedding;
}

/** What `detectAndEmbed` returns: every face (largest first) and the pack's verdict line. */
export interface VisionAnalysis {
  readonly faces: VisionFace[];
  readonly width: number;
  readonly height: number;
  readonly pack: string;
  /** The pack's open-set threshold on cosine similarity. */
  readonly threshold: number;
}

/**
 * What enrollment needs from the vision side: the `Vision.DetectAndEmbed` call of
 * proto/rollcall/v1/vision.proto. Two implementations: `GrpcVisionClient` (the default:
 * models stay in the vision workers) and `InProcessVisionClient` (tests, single-process dev).
 *
 * A photo that cannot be read rejects with a `RollcallError` (`IMAGE_UNREADABLE`, ...);
 * workers that do not answer reject with `VISION_UNAVAILABLE`.
 */
export interface VisionClient {
  readonly kind: 'grpc' | 'in-process';
  /** At most `maxFaces` faces, largest first. */
  detectAndEmbed(image: Uint8Array, maxFaces: number): Promise<VisionAnalysis>;
  /** Resolves with the pack name once the models can answer; rejects when they cannot. */
  ready(): Promise<{ pack: string }>;
  close(): Promise<void>;
}
