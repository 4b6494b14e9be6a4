import { squareAround } from '../../geometry/box-ops';
import type { Box, Point } from '../../geometry/types';
import { mean } from './landmark68';

/**
 * The first landmark crop: a square as tall as the detector box, on its centre (the
 * package's own reference code crops this way, so the net has seen such framings).
 */
export function boxCrop(box: Box): Box {
  return squareAround(box, box.height);
}

/**
 * Where the 68 points sit, on average, inside a `boxCrop` of a frontal face: their
 * centroid as a fraction of the crop, and their RMS distance from it as a fraction of the
 * side. Measured by `test/detect/calibrate-landmark-crop.ts` on LFW faces (not on the dlib
 * photos the landmarks are scored on).
 */
export const CANONICAL_FRAMING = Object.freeze({
  centreX: 0.5005,
  centreY: 0.5944,
  spread: 0.2802,
});

/**
 * The second-pass crop: the square that would put the first pass's points where the net
 * puts them on average. Detector boxes jitter in size and position from face to face;
 * re-framing on the face itself removes that jitter before the second prediction.
 */
export function recentredCrop(points: readonly Point[]): Box {
  const centre = mean(points);
  let sum = 0;
  for (const p of points) sum += (p.x - centre.x) ** 2 + (p.y - centre.y) ** 2;
  const spread = Math.sqrt(sum / points.length);

  const side = spread / CANONICAL_FRAMING.spread;
  return {
    x: centre.x - CANONICAL_FRAMING.centreX * side,
    y: centre.y - CANONICAL_FRAMING.centreY * side,
    width: side,
    height: side,
  };
}
