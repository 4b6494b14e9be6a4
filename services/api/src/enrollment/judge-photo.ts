import {
  checkQuality,
  countComparableFaces,
  noFaceIssue,
  resolveQualityThresholds,
  type QualityIssue,
  type QualityThresholds,
} from '@rollcall/vision';

import type { VisionAnalysis, VisionFace } from '../vision/vision-client';

/** The verdict on one enrollment photo. */
export interface PhotoVerdict {
  /** The face judged: the largest, since the person enrolling stands in front. */
  readonly face: VisionFace | undefined;
  /** Empty when accepted; otherwise in the order a person should fix them. */
  readonly issues: QualityIssue[];
}

/**
 * Judges a photo as `checkPhoto` in @rollcall/vision does, from what the vision side
 * reported: faces much smaller than the largest (people in the background) do not count
 * towards "exactly one face".
 */
export function judgePhoto(analysis: VisionAnalysis, thresholds?: QualityThresholds): PhotoVerdict {
  const limits = resolveQualityThresholds(thresholds);
  const bySize = [...analysis.faces].sort((a, b) => b.quality.eyeDistance - a.quality.eyeDistance);
  const face = bySize[0];
  if (face === undefined) return { face, issues: [noFaceIssue()] };

  const faceCount = countComparableFaces(analysis.faces, face, limits.otherFaceRatio);
  const issues = checkQuality(
    { ...face.quality, score: face.score, faceCount, box: face.box },
    limits,
  );
  return { face, issues };
}
