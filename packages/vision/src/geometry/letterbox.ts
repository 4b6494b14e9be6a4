import type { Box, Point } from './types';

/**
 * How an image is placed on a model's input canvas: scaled by one factor (aspect kept)
 * and shifted by an offset. Detector outputs are in canvas pixels; these functions map
 * them back to the source image.
 */
export interface Letterbox {
  /** Canvas pixels per source pixel. */
  readonly scale: number;
  /** Where the source's top-left corner lands on the canvas. */
  readonly offsetX: number;
  readonly offsetY: number;
  readonly canvasWidth: number;
  readonly canvasHeight: number;
}

/**
 * Fits a `sourceWidth` x `sourceHeight` image inside the canvas, keeping its aspect ratio.
 * The image sits at the top-left corner and the padding is at the bottom and right, as
 * InsightFace's SCRFD preprocessing does, so that a point maps back by a division alone.
 */
export function fitTopLeft(
  sourceWidth: number,
  sourceHeight: number,
  canvasWidth: number,
  canvasHeight: number,
): Letterbox {
  const scale = Math.min(canvasWidth / sourceWidth, canvasHeight / sourceHeight);
  return { scale, offsetX: 0, offsetY: 0, canvasWidth, canvasHeight };
}

/**
 * The source rectangle that fills the whole canvas under this letterbox (it extends past
 * the image where the canvas is padding). Resampling this rectangle onto the canvas grid
 * produces the letterboxed input with continuous coordinates preserved exactly.
 */
export function canvasRegion(box: Letterbox): Box {
  return {
    x: (0 - box.offsetX) / box.scale,
    y: (0 - box.offsetY) / box.scale,
    width: box.canvasWidth / box.scale,
    height: box.canvasHeight / box.scale,
  };
}

export function pointToSource(box: Letterbox, p: Point): Point {
  return { x: (p.x - box.offsetX) / box.scale, y: (p.y - box.offsetY) / box.scale };
}

export function boxToSource(box: Letterbox, b: Box): Box {
  return {
    x: (b.x - box.offsetX) / box.scale,
    y: (b.y - box.offsetY) / box.scale,
    width: b.width / box.scale,
    height: b.height / box.scale,
  };
}
