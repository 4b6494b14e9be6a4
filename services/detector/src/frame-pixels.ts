import type { Frame } from '@rollcall/contracts';
import { RollcallError } from '@rollcall/errors';
import { decodeImage, type RgbImage } from '@rollcall/vision';

import { fromRawImage } from './proto-images';

/** The pixels of a frame, JPEG or raw; a typed error when they cannot be read. */
export async function framePixels(frame: Frame): Promise<RgbImage> {
  const image = frame.image;
  if (image === undefined) {
    throw new RollcallError(
      'IMAGE_EMPTY',
      `Frame ${frame.cameraId}:${frame.seq} carries no image: set jpeg or raw.`,
    );
  }
  return image.$case === 'jpeg' ? decodeImage(image.value) : fromRawImage(image.value);
}
