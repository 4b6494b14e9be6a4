import { RollcallError } from '@rollcall/errors';

import type { RgbImage } from './rgb-image';

/** Pixel layouts that ffmpeg writes with `-f rawvideo -pix_fmt <name>`. */
export type RawPixelFormat = 'rgb24' | 'bgr24' | 'gray8';

const CHANNELS: Record<RawPixelFormat, number> = { rgb24: 3, bgr24: 3, gray8: 1 };

/**
 * Wraps a raw video frame as an RgbImage. `rgb24` is used as is (no copy); `bgr24` and
 * `gray8` are converted. Refuses with `IMAGE_RAW_SIZE_MISMATCH` when the buffer is not
 * exactly width x height x channels bytes (a frame split across reads, or the wrong size).
 */
export function rgbFromRaw(
  buffer: Uint8Array,
  width: number,
  height: number,
  format: RawPixelFormat,
): RgbImage {
  requireSide('width', width);
  requireSide('height', height);
  const channels = CHANNELS[format];
  if (channels === undefined) {
    throw new RollcallError('INVALID_ARGUMENT', 'format must be rgb24, bgr24 or gray8.', {
      details: { format },
    });
  }
  const expected = width * height * channels;
  if (buffer.length !== expected) {
    throw new RollcallError(
      'IMAGE_RAW_SIZE_MISMATCH',
      `A ${width} x ${height} ${format} frame needs ${expected} bytes, got ${buffer.length}. ` +
        'Check the frame size given to the decoder and read whole frames.',
      { details: { width, height, format, expected, actual: buffer.length } },
    );
  }

  if (format === 'rgb24') return { width, height, data: buffer };
  const data = format === 'bgr24' ? swapRedBlue(buffer) : grayToRgb(buffer);
  return { width, height, data };
}

function swapRedBlue(bgr: Uint8Array): Uint8Array {
  const out = new Uint8Array(bgr.length);
  for (let i = 0; i < bgr.length; i += 3) {
    out[i] = bgr[i + 2] as number;
    out[i + 1] = bgr[i + 1] as number;
    out[i + 2] = bgr[i] as number;
  }
  return out;
}

function grayToRgb(gray: Uint8Array): Uint8Array {
  const out = new Uint8Array(gray.length * 3);
  for (let i = 0, o = 0; i < gray.length; i++, o += 3) {
    const v = gray[i] as number;
    out[o] = v;
    out[o + 1] = v;
    out[o + 2] = v;
  }
  return out;
}

function requireSide(name: string, value: number): void {
  if (Number.isInteger(value) && value > 0) return;
  throw new RollcallError('INVALID_ARGUMENT', `${name} must be a positive integer.`, {
    details: { [name]: value },
  });
}
