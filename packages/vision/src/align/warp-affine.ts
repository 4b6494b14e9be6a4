import type { RgbImage } from '../image/rgb-image';
import { sampleBilinear } from '../image/resize';
import { invertAffine, type AffineMatrix } from './affine';

/**
 * Warps `image` by `matrix` (source pixel -> output pixel) onto a `width` x `height` grid.
 * Each output pixel is the bilinear sample of the source at the inverse-mapped position,
 * so there are no holes; samples past the edge read `fill` (0, as InsightFace's
 * `norm_crop` pads with black).
 */
export function warpAffine(
  image: RgbImage,
  matrix: AffineMatrix,
  width: number,
  height: number,
  fill = 0,
): RgbImage {
  const [a, b, tx, c, d, ty] = invertAffine(matrix);
  const out = new Uint8Array(width * height * 3);

  for (let oy = 0; oy < height; oy++) {
    // Walk each row incrementally: source position moves by (a, c) per output pixel.
    let fx = b * oy + tx;
    let fy = d * oy + ty;
    for (let ox = 0; ox < width; ox++) {
      sampleBilinear(image, fx, fy, out, (oy * width + ox) * 3, fill);
      fx += a;
      fy += c;
    }
  }
  return { width, height, data: out };
}
