import type { DetectedFace } from '../detect/face-detector';
import type { Box, Point } from '../geometry/types';
import type { RgbImage } from '../image/rgb-image';
import { estimatePose } from './pose';
import { faceSharpness } from './sharpness';

/** The measurements enrollment judges a face by (see `checkQuality`). */
export interface FaceAssessment {
  /** Pixels between the two eye centres, in the image given. */
  readonly eyeDistance: number;
  /** Variance of the Laplacian on the inner face resampled to 64 px (see sharpness.ts). */
  readonly sharpness: number;
  /** Landmark pose in degrees (see pose.ts). */
  readonly yaw: number;
  readonly pitch: number;
  readonly roll: number;
  /** The detector's score in [0, 1]. */
  readonly score: number;
  /** Faces in the photo that count (see `checkPhoto`), this one included. */
  readonly faceCount: number;
  readonly box: Box;
}

/** Measures one detected face; `faceCount` is how many faces the photo holds in all. */
export function assessFace(image: RgbImage, face: DetectedFace, faceCount: number): FaceAssessment {
  const [leftEye, rightEye] = face.landmarks;
  const pose = estimatePose(face.landmarks);
  return {
    eyeDistance: distance(leftEye, rightEye),
    sharpness: faceSharpness(image, face.landmarks),
    yaw: pose.yaw,
    pitch: pose.pitch,
    roll: pose.roll,
    score: face.score,
    faceCount,
    box: face.box,
  };
}

function distance(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}
