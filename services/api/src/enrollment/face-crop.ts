import type { Box } from '@rollcall/vision';
import sharp from 'sharp';

/** Longest side of a stored crop: enough for a console thumbnail, ~5-10 KB as JPEG. */
const CROP_SIDE = 160;
/** Room around the detector's box, so hair and chin show, as a fraction of its size. */
const MARGIN = 0.25;

/**
 * A JPEG of the face in `box` (in the upright image, EXIF orientation applied, as the
 * vision side measured it), for the console and audits; undefined when it cannot be cut.
 */
export async function faceCropJpeg(
  photo: Uint8Array,
  box: Box,
  size: { width: number; height: number },
): Promise<Buffer | undefined> {
  const left = Math.max(0, Math.floor(box.x - box.width * MARGIN));
  const top = Math.max(0, Math.floor(box.y - box.height * MARGIN));
  const right = Math.min(size.width, Math.ceil(box.x + box.width * (1 + MARGIN)));
  const bottom = Math.min(size.height, Math.ceil(box.y + box.height * (1 + MARGIN)));
  if (right - left < 2 || bottom - top < 2) return undefined;

  try {
    return await sharp(photo, { limitInputPixels: false })
      .rotate()
      .extract({ left, top, width: right - left, height: bottom - top })
      .resize(CROP_SIDE, CROP_SIDE, { fit: 'inside' })
      .jpeg({ quality: 85 })
      .toBuffer();
  } catch {
    // The vision side decoded this photo already; a crop is a convenience, not a sample.
    return undefined;
  }
}
