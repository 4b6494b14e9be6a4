import type { RawImage } from '@rollcall/contracts';
import { RollcallError } from '@rollcall/errors';
import type { RgbImage } from '@rollcall/vision';

/** Decoded pixels as the proto's `RawImage` (rgb24: the layout `RgbImage` already has). */
export function toRawImage(image: RgbImage): RawImage {
  const { data } = image;
  return {
    width: image.width,
    height: image.height,
    pixelFormat: 'rgb24',
    pixels: Buffer.from(data.buffer, data.byteOffset, data.byteLength),
  };
}

/**
 * A proto `RawImage` as RGB pixels. gray8 is widened to RGB (the detectors take colour);
 * a byte count that does not match the size is `IMAGE_RAW_SIZE_MISMATCH`.
 */
export function fromRawImage(raw: RawImage): RgbImage {
  const channels = channelsOf(raw.pixelFormat);
  const expected = raw.width * raw.height * channels;
  if (raw.width === 0 || raw.height === 0 || raw.pixels.length !== expected) {
    throw new RollcallError(
      'IMAGE_RAW_SIZE_MISMATCH',
      `A ${raw.width}x${raw.height} ${raw.pixelFormat} image needs ${expected} bytes but has ` +
        `${raw.pixels.length}: send width x height x ${channels} bytes, row-major, no padding.`,
      { details: { width: raw.width, height: raw.height, bytes: raw.pixels.length } },
    );
  }
  if (channels === 3) return { width: raw.width, height: raw.height, data: raw.pixels };

  const data = new Uint8Array(expected * 3);
  for (let i = 0; i < expected; i++) data.fill(raw.pixels[i] as number, i * 3, i * 3 + 3);
  return { width: raw.width, height: raw.height, data };
}

function channelsOf(format: string): number {
  if (format === 'rgb24') return 3;
  if (format === 'gray8') return 1;
  throw new RollcallError(
    'IMAGE_UNSUPPORTED_FORMAT',
    `Raw pixel format "${format}" is not supported; send "rgb24" or "gray8".`,
    { details: { pixelFormat: format } },
  );
}
