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

  const comparable = bySize.filter(
    (f) => eyeDistance(f) >= limits.otherFaceRatio * eyeDistance(face),
  );
  const assessment = assessFace(image, face, comparable.length);
  return { face, assessment, issues: checkQuality(assessment, limits) };
}

function eyeDistance(face: DetectedFace): number {
  const [left, right] = face.landmarks as readonly [Point, Point, ...Point[]];
  return Math.hypot(left.x - right.x, left.y - right.y);
}
