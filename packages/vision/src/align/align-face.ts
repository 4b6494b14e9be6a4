import type { FivePoints } from '../geometry/types';
import type { RgbImage } from '../image/rgb-image';
import type { AffineMatrix } from './affine';
import { estimateSimilarity } from './similarity-transform';
import type { AlignmentTemplate } from './templates';
import { warpAffine } from './warp-affine';

/** A face warped onto a recogniser's template, with the transform that made it. */
export interface AlignedFace {
  readonly crop: RgbImage;
  /** Source image pixel -> crop pixel. */
  readonly matrix: AffineMatrix;
  readonly template: AlignmentTemplate;
}

export function alignFace(
  image: RgbImage,
  landmarks: FivePoints,
  template: AlignmentTemplate,
): AlignedFace {
  const matrix = estimateSimilarity(landmarks, template.points);
  const crop = warpAffine(image, matrix, template.width, template.height);
  return { crop, matrix, template };
}
