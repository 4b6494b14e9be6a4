import type { RgbImage } from '../image/rgb-image';
import type { NormalisationSpec } from '../packs/manifest';

/**
 * Writes an RGB image into a planar (CHW) float tensor, in the model's colour order,
 * as (pixel - mean) / std per channel. `out` may hold a batch: the image is written at
 * `offset` (in floats), so batched inputs are filled without copies.
 */
export function writeChw(
  image: RgbImage,
  norm: NormalisationSpec,
  out: Float32Array,
  offset = 0,
): void {
  const plane = image.width * image.height;
  const { data } = image;
  const order = norm.colorOrder === 'rgb' ? [0, 1, 2] : [2, 1, 0];

  for (let c = 0; c < 3; c++) {
    const src = order[c] as number;
    const mean = norm.mean[c] as number;
    const scale = 1 / (norm.std[c] as number);
    const base = offset + c * plane;
    for (let i = 0, p = src; i < plane; i++, p += 3) {
      out[base + i] = ((data[p] as number) - mean) * scale;
    }
  }
}

export function toChw(image: RgbImage, norm: NormalisationSpec): Float32Array {
  const out = new Float32Array(3 * image.width * image.height);
  writeChw(image, norm, out);
  return out;
}
