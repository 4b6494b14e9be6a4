import type { RgbImage } from './rgb-image';

// Bound once: inside jest's vm sandbox every global lookup in a per-pixel loop costs a
// property interceptor call, which made resampling 10-20x slower under test than in node.
const { floor, round } = Math;

/**
 * Bilinear resampling of an RGB image region onto a new grid. Pixel centres are aligned
 * (the (x + 0.5) * scale - 0.5 convention of OpenCV's INTER_LINEAR), and samples outside
 * the source read as `fill`, so cropping past an edge pads instead of stretching.
 */
export interface ResampleRegion {
  /** Source rectangle in pixels (may extend past the image). */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export function cropAndResize(
  image: RgbImage,
  region: ResampleRegion,
  outWidth: number,
  outHeight: number,
  fill = 0,
): RgbImage {
  const out = new Uint8Array(outWidth * outHeight * 3);
  const sx = region.width / outWidth;
  const sy = region.height / outHeight;

  for (let oy = 0; oy < outHeight; oy++) {
    const fy = region.y + (oy + 0.5) * sy - 0.5;
    for (let ox = 0; ox < outWidth; ox++) {
      const fx = region.x + (ox + 0.5) * sx - 0.5;
      sampleBilinear(image, fx, fy, out, (oy * outWidth + ox) * 3, fill);
    }
  }
  return { width: outWidth, height: outHeight, data: out };
}

export function resize(image: RgbImage, outWidth: number, outHeight: number): RgbImage {
  return cropAndResize(
    image,
    { x: 0, y: 0, width: image.width, height: image.height },
    outWidth,
    outHeight,
  );
}

/** Writes the bilinear sample at (fx, fy) into out[at..at+2]; off-image taps read `fill`. */
export function sampleBilinear(
  image: RgbImage,
  fx: number,
  fy: number,
  out: Uint8Array,
  at: number,
  fill = 0,
): void {
  const { width, height, data } = image;
  const x0 = floor(fx);
  const y0 = floor(fy);
  const ax = fx - x0;
  const ay = fy - y0;

  for (let c = 0; c < 3; c++) {
    const p00 = tap(data, width, height, x0, y0, c, fill);
    const p10 = tap(data, width, height, x0 + 1, y0, c, fill);
    const p01 = tap(data, width, height, x0, y0 + 1, c, fill);
    const p11 = tap(data, width, height, x0 + 1, y0 + 1, c, fill);
    const top = p00 + (p10 - p00) * ax;
    const bottom = p01 + (p11 - p01) * ax;
    out[at + c] = round(top + (bottom - top) * ay);
  }
}

function tap(
  data: Uint8Array,
  width: number,
  height: number,
  x: number,
  y: number,
  c: number,
  fill: number,
): number {
  if (x < 0 || y < 0 || x >= width || y >= height) return fill;
  return data[(y * width + x) * 3 + c] as number;
}

/** Mirror image left to right (for flip test-time augmentation). */
export function flipHorizontal(image: RgbImage): RgbImage {
  const { width, height, data } = image;
  const out = new Uint8Array(data.length);
  for (let y = 0; y < height; y++) {
    const row = y * width * 3;
    for (let x = 0; x < width; x++) {
      const from = row + x * 3;
      const to = row + (width - 1 - x) * 3;
      out[to] = data[from] as number;
      out[to + 1] = data[from + 1] as number;
      out[to + 2] = data[from + 2] as number;
    }
  }
  return { width, height, data: out };
}

/** Luma (BT.601) of every pixel, as floats 0..255. */
export function toGray(image: RgbImage): Float32Array {
  const { width, height, data } = image;
  const out = new Float32Array(width * height);
  for (let i = 0, p = 0; i < out.length; i++, p += 3) {
    out[i] =
      0.299 * (data[p] as number) +
      0.587 * (data[p + 1] as number) +
      0.114 * (data[p + 2] as number);
  }
  return out;
}
