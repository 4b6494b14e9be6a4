import type { DetectedFace } from '../detect/face-detector';
import type { RgbImage } from '../image/rgb-image';
import { assessFace } from '../quality/assess-face';
import { checkQuality } from '../quality/check-quality';
import type { QualityThresholds } from '../quality/quality-thresholds';
import type { FaceQuality } from './analysis';

/**
 * Each face's enrolment quality. Every kept face counts towards `faceCount`, so in a group
 * photo each face reports `FACE_MULTIPLE`: quality is for enrolment, where that is right.
 */
export function judgeFaces(
  image: RgbImage,
  faces: readonly DetectedFace[],
  thresholds: true | QualityThresholds,
): FaceQuality[] {
  const limits = thresholds === true ? undefined : thresholds;
  return faces.map((face) => {
    const assessment = assessFace(image, face, faces.length);
    return { assessment, issues: checkQuality(assessment, limits) };
  });
}
