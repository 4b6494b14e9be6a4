import type { Box } from './types';

/**
 * Intersection over union of two boxes, in [0, 1]. Boxes are continuous rectangles
 * (no "+1" pixel convention), so a box never overlaps its neighbour that starts where it
 * ends. Degenerate boxes (zero or negative area) overlap nothing.
 */
export function iou(a: Box, b: Box): number {
  const intersection = intersectionArea(a, b);
  if (intersection === 0) return 0;

  const union = a.width * a.height + b.width * b.height - intersection;
  return union > 0 ? intersection / union : 0;
}

/** Area of the overlap of two boxes (0 when they do not overlap). */
export function intersectionArea(a: Box, b: Box): number {
  const overlapWidth = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const overlapHeight = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return overlapWidth > 0 && overlapHeight > 0 ? overlapWidth * overlapHeight : 0;
}
