import { l2Normalise } from '../embedding/l2-normalise';
import type { RgbImage } from '../image/rgb-image';

/** Largest difference allowed between a crop's vector run alone and run in a batch. */
const TOLERANCE = 1e-4;

/**
 * Whether running crops together gives each the vector it gets alone. Not every model
 * with a free batch dim does: a dynamically quantised model (DynamicQuantizeLinear, as in
 * the int8 w600k_mbf) picks one quantisation scale for the whole input tensor, so a crop's
 * embedding would depend on which other faces shared its batch (measured: up to 0.02 per
 * component on LFW crops). Two synthetic crops of very different contrast expose that.
 * A batch that cannot run at all counts as not exact.
 */
export async function batchIsExact(
  run: (crops: readonly RgbImage[]) => Promise<Float32Array[]>,
  width: number,
  height: number,
): Promise<boolean> {
  const strong = pattern(width, height, (x, y) => ((x * 255) / width + (y % 2) * 40) % 256);
  const faint = pattern(width, height, (x, y) => 120 + ((x + y) % 5));

  try {
    const together = await run([strong, faint]);
    const alone = [...(await run([strong])), ...(await run([faint]))];
    return together.every((v, i) => maxDifference(v, alone[i] as Float32Array) <= TOLERANCE);
  } catch {
    return false;
  }
}

function pattern(width: number, height: number, value: (x: number, y: number) => number) {
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++)
      data.fill(value(x, y), (y * width + x) * 3, (y * width + x + 1) * 3);
  }
  return { width, height, data };
}

function maxDifference(a: Float32Array, b: Float32Array): number {
  const na = l2Normalise(a);
  const nb = l2Normalise(b);
  return na.reduce((m, x, i) => Math.max(m, Math.abs(x - (nb[i] as number))), 0);
}
