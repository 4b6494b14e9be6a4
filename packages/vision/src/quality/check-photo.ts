import type { DetectedFace } from '../detect/face-detector';
import type { Point } from '../geometry/types';
import type { RgbImage } from '../image/rgb-image';
import { assessFace, type FaceAssessment } from './assess-face';
import { checkQuality, noFaceIssue } from './check-quality';
import type { QualityIssue } from './quality-issue';
import { resolveQualityThresholds, type QualityThresholds } from './quality-thresholds';

export interface PhotoQuality {
  /** The face that was judged, or undefined when the detector found none. */
  readonly face: DetectedFace | undefined;
  readonly assessment: FaceAssessment | undefined;
  /** Empty when the photo is accepted. */
  readonly issues: QualityIssue[];
}

/**
 * Judges an enrollment photo from everything its detector found. The judged face is the
 * largest (widest eye distance): the person enrolling stands in front. Other faces count
 * towards `maxFaces` only when they are at least `otherFaceRatio` of its size. No face at
 * all gives `FACE_NOT_FOUND`.
 */
export function checkPhoto(
  image: RgbImage,
  faces: readonly DetectedFace[],
  thresholds?: QualityThresholds,
): PhotoQuality {
  const limits = resolveQualityThresholds(thresholds);
  const bySize = [...faces].sort((a, b) => eyeDistance(b) - eyeDistance(a));
  const face = bySize[0];
  if (face === undefined) return { face, assessment: undefined, issues: [noFaceIssue()] };

  const count = countComparableFaces(faces, face, limits.otherFaceRatio);
  const assessment = assessFace(image, face, count);
  return { face, assessment, issues: checkQuality(assessment, limits) };
}

/**
 * How many of `faces` (the judged one included) are at least `otherFaceRatio` of the
 * judged face's eye distance: the `faceCount` to pass to `assessFace`.
 */
export function countComparableFaces(
  faces: readonly DetectedFace[],
  judged: DetectedFace,
  otherFaceRatio: number,
): number {
  const least = otherFaceRatio * eyeDistance(judged);
  return faces.filter((f) => f === judged || eyeDistance(f) >= least).length;
}

function eyeDistance(face: DetectedFace): number {
  const [left, right] = face.landmarks as readonly [Point, Point, ...Point[]];
  return Math.hypot(left.x - right.x, left.y - right.y);
}
