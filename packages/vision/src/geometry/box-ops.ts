import type { Box } from './types';

/** A box from its corners (x1, y1) top-left and (x2, y2) bottom-right. */
export function boxFromCorners(x1: number, y1: number, x2: number, y2: number): Box {
  return { x: x1, y: y1, width: x2 - x1, height: y2 - y1 };
}

/** The part of `box` inside a `width` x `height` image (zero-sized when outside it). */
export function clipBox(box: Box, width: number, height: number): Box {
  const x1 = clamp(box.x, 0, width);
  const y1 = clamp(box.y, 0, height);
  const x2 = clamp(box.x + box.width, 0, width);
  const y2 = clamp(box.y + box.height, 0, height);
  return boxFromCorners(x1, y1, Math.max(x1, x2), Math.max(y1, y2));
}

/** A square of side `side` with the same centre as `box`. */
export function squareAround(box: Box, side: number): Box {
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  return { x: cx - side / 2, y: cy - side / 2, width: side, height: side };
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
