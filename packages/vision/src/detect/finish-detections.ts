import type { RgbImage } from '../image/rgb-image';
import { clipBox } from '../geometry/box-ops';
import { greedyNms } from '../geometry/nms';
import type { DetectedFace } from './face-detector';
import type { ResolvedDetectOptions } from './detect-options';

/**
 * The common tail of every detector: candidates already above `minScore` and in image
 * coordinates are suppressed, limited and clipped to the image. Landmarks are left as
 * predicted (a point just outside the frame is still the best guess for alignment).
 */
export function finishDetections(
  candidates: readonly DetectedFace[],
  image: RgbImage,
  options: ResolvedDetectOptions,
): DetectedFace[] {
  const kept = greedyNms(candidates, options.nmsIou, options.maxFaces);
  return kept.map((face) => ({ ...face, box: clipBox(face.box, image.width, image.height) }));
}
