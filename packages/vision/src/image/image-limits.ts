import { RollcallError } from '@rollcall/errors';

import type { ResolvedDecodeOptions } from './decode-options';
import { tooLargeMessage } from './decode-refusal';
import type { ImageProbe } from './probe-image';

/**
 * Refuses an image by its header alone: `IMAGE_TOO_LARGE` past `maxPixels` (so nothing is
 * allocated for a decompression bomb), `IMAGE_TOO_SMALL` when the shorter side is under
 * `minSide`.
 */
export function checkImageLimits(
  probe: ImageProbe,
  limits: Pick<ResolvedDecodeOptions, 'maxPixels' | 'minSide'>,
): void {
  const { format, width, height } = probe;
  const details = { format, width, height };

  if (width * height > limits.maxPixels) {
    throw new RollcallError('IMAGE_TOO_LARGE', tooLargeMessage(probe, limits.maxPixels), {
      details: { ...details, maxPixels: limits.maxPixels },
    });
  }
  if (Math.min(width, height) < limits.minSide) {
    throw new RollcallError(
      'IMAGE_TOO_SMALL',
      `The image is ${width} x ${height} pixels; each side must be at least ` +
        `${limits.minSide} pixels to hold a face. Upload a larger photo.`,
      { details: { ...details, minSide: limits.minSide } },
    );
  }
}
