import { RollcallError } from '@rollcall/errors';
import type { RgbImage } from '../image/rgb-image';

/** Rejects images whose size and buffer disagree before any model sees them. */
export function checkImage(image: RgbImage): void {
  const { width, height, data } = image;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RollcallError(
      'IMAGE_TOO_SMALL',
      `The image is ${width}x${height}; a detector needs at least one pixel each way.`,
      { details: { width, height } },
    );
  }
  if (data.length !== width * height * 3) {
    throw new RollcallError(
      'IMAGE_RAW_SIZE_MISMATCH',
      `A ${width}x${height} RGB image needs ${width * height * 3} bytes but has ` +
        `${data.length}: pass 8-bit interleaved RGB without alpha or row padding.`,
      { details: { width, height, bytes: data.length } },
    );
  }
}
