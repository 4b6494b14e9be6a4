import type { Box } from '../../../src/geometry/types';
import type { RgbImage } from '../../../src/image/rgb-image';

/** A large image made of small ones, with their face boxes moved along. */
export interface Mosaic {
  readonly image: RgbImage;
  readonly boxes: Box[];
}

/**
 * Lays `parts` out on a grid of `cell` x `cell` squares (each part at its cell's top-left,
 * the rest black). Small faces in a large frame are what tiling is for, and dlib's boxed
 * photos placed side by side give such a frame with known boxes.
 */
export function mosaic(
  parts: readonly { image: RgbImage; boxes: readonly Box[] }[],
  columns: number,
  cell: number,
): Mosaic {
  const rows = Math.ceil(parts.length / columns);
  const width = columns * cell;
  const height = rows * cell;
  const data = new Uint8Array(width * height * 3);
  const boxes: Box[] = [];

  parts.forEach(({ image, boxes: own }, i) => {
    const ox = (i % columns) * cell;
    const oy = Math.floor(i / columns) * cell;
    for (let y = 0; y < Math.min(image.height, cell); y++) {
      const from = y * image.width * 3;
      const row = image.data.subarray(from, from + Math.min(image.width, cell) * 3);
      data.set(row, ((oy + y) * width + ox) * 3);
    }
    boxes.push(...own.map((b) => ({ ...b, x: b.x + ox, y: b.y + oy })));
  });
  return { image: { width, height, data }, boxes };
}
