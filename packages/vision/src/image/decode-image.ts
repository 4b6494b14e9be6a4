import sharp from 'sharp';

import { RollcallError } from '@rollcall/errors';

import { resolveDecodeOptions, type DecodeOptions } from './decode-options';
import { refusalFromDecoder } from './decode-refusal';
import { isSrgbDescription } from './icc-profile';
import { checkImageLimits } from './image-limits';
import { asBuffer, probeImage, type ImageProbe } from './probe-image';
import type { RgbImage } from './rgb-image';

/**
 * Decodes an encoded image (JPEG, PNG, WebP, GIF, TIFF, AVIF, and HEIC where libheif has an
 * HEVC decoder) into upright 8-bit sRGB with three channels:
 * - EXIF orientation is applied, so the face is the way up a person sees it;
 * - grayscale, CMYK and 16-bit images are converted (embedded ICC profiles are honoured);
 * - alpha is flattened onto `alphaBackground` (mid-grey by default);
 * - only the first frame of an animation or the first page of a multi-page file is read.
 *
 * Every refusal is a `RollcallError`: `IMAGE_EMPTY`, `IMAGE_UNSUPPORTED_FORMAT`,
 * `IMAGE_UNREADABLE` (corrupt, truncated or not an image), `IMAGE_TOO_LARGE` (checked from
 * the header, before decoding) or `IMAGE_TOO_SMALL`.
 */
export async function decodeImage(input: Uint8Array, options?: DecodeOptions): Promise<RgbImage> {
  const settings = resolveDecodeOptions(options);
  const probe = await probeImage(input);
  checkImageLimits(probe, settings);

  let pipeline = sharp(asBuffer(input), {
    ignoreIcc: hasSrgbProfile(probe),
    // 'truncated' refuses a cut-off file (which 'none' would fill with grey) but still
    // accepts complete files that merely carry libjpeg warnings, common in camera output.
    failOn: 'truncated',
    limitInputPixels: settings.maxPixels,
    pages: 1,
  }).autoOrient();
  if (settings.maxSide !== undefined) {
    pipeline = pipeline.resize(settings.maxSide, settings.maxSide, {
      fit: 'inside',
      withoutEnlargement: true,
    });
  }
  const [r, g, b] = settings.alphaBackground;

  try {
    const { data, info } = await pipeline
      .flatten({ background: { r, g, b } })
      .toColourspace('srgb')
      .removeAlpha()
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
    return checkedImage(data, info, probe);
  } catch (cause) {
    if (cause instanceof RollcallError) throw cause;
    throw refusalFromDecoder(cause, probe);
  }
}

/** An sRGB profile on sRGB pixels changes nothing; converting through it costs ~60 ms. */
function hasSrgbProfile(probe: ImageProbe): boolean {
  return probe.colourSpace === 'srgb' && isSrgbDescription(probe.iccProfile);
}

function checkedImage(data: Buffer, info: sharp.OutputInfo, probe: ImageProbe): RgbImage {
  if (info.channels !== 3 || data.length !== info.width * info.height * 3) {
    throw new RollcallError(
      'IMAGE_UNREADABLE',
      'The decoder returned pixels in an unexpected layout. Export the photo as JPEG or PNG.',
      { details: { format: probe.format, channels: info.channels, bytes: data.length } },
    );
  }
  // A plain Uint8Array view: callers compare and copy it like any other RgbImage.
  return {
    width: info.width,
    height: info.height,
    data: new Uint8Array(data.buffer, data.byteOffset, data.length),
  };
}
