import sharp from 'sharp';

import { RollcallError } from '@rollcall/errors';

import { definedFacts, refusalFromDecoder } from './decode-refusal';
import { iccDescription } from './icc-profile';
import { isAcceptedFormat, sniffFormat, type AcceptedFormat } from './image-format';

/** What the header of an image says, read without decoding its pixels. */
export interface ImageProbe {
  readonly format: AcceptedFormat;
  /** Size as stored, before EXIF orientation. */
  readonly width: number;
  readonly height: number;
  /** EXIF orientation 1..8 (1 when absent): 5..8 swap width and height when shown. */
  readonly orientation: number;
  /** Size once the orientation is applied: what `decodeImage` returns. */
  readonly uprightWidth: number;
  readonly uprightHeight: number;
  /** Frames or pages in the file (GIF, WebP, TIFF, HEIF); only the first is decoded. */
  readonly pages: number;
  readonly hasAlpha: boolean;
  /** libvips interpretation, e.g. 'srgb', 'b-w', 'cmyk', 'rgb16', 'grey16'. */
  readonly colourSpace: string;
  readonly bitsPerSample: number;
  /** Description of the embedded ICC profile (e.g. 'sRGB IEC61966-2.1'), if there is one. */
  readonly iccProfile: string | undefined;
}

/**
 * Reads format, size and orientation from the header, so a caller can refuse an upload
 * before decoding it. Refuses with `IMAGE_EMPTY`, `IMAGE_UNSUPPORTED_FORMAT` or
 * `IMAGE_UNREADABLE`; size limits are checked by `checkImageLimits`.
 */
export async function probeImage(input: Uint8Array): Promise<ImageProbe> {
  if (input.length === 0) {
    throw new RollcallError('IMAGE_EMPTY', 'The file is empty. Choose a photo and upload it.');
  }
  const sniffed = sniffFormat(input);

  // No pixel limit here: the header of a bomb must be readable so it can be refused by size.
  let metadata: sharp.Metadata;
  try {
    metadata = await sharp(asBuffer(input), { limitInputPixels: false }).metadata();
  } catch (cause) {
    throw refusalFromDecoder(cause, { format: sniffed });
  }

  const format = formatName(metadata, sniffed);
  const { width, height } = metadata;
  if (!isAcceptedFormat(format)) {
    throw new RollcallError(
      'IMAGE_UNSUPPORTED_FORMAT',
      `${format.toUpperCase()} files are not accepted. Upload a JPEG, PNG, WebP or HEIC photo.`,
      { details: definedFacts({ format, width, height }) },
    );
  }
  return describe(metadata, format);
}

function describe(metadata: sharp.Metadata, format: AcceptedFormat): ImageProbe {
  const orientation = metadata.orientation ?? 1;
  const swapped = orientation >= 5 && orientation <= 8;
  return {
    format,
    width: metadata.width,
    height: metadata.height,
    orientation,
    uprightWidth: swapped ? metadata.height : metadata.width,
    uprightHeight: swapped ? metadata.width : metadata.height,
    pages: metadata.pages ?? 1,
    hasAlpha: metadata.hasAlpha,
    colourSpace: String(metadata.space),
    bitsPerSample: metadata.bitsPerSample ?? bitsOf(metadata.depth),
    iccProfile: metadata.icc === undefined ? undefined : (iccDescription(metadata.icc) ?? ''),
  };
}

/** libvips reports AVIF and HEIC both as 'heif'; the brand in the ftyp box tells them apart. */
function formatName(metadata: sharp.Metadata, sniffed: string | undefined): string {
  if (metadata.format !== 'heif') return metadata.format;
  if (sniffed === 'avif' || sniffed === 'heic') return sniffed;
  return metadata.compression === 'av1' ? 'avif' : 'heic';
}

function bitsOf(depth: string): number {
  return /short/.test(depth) ? 16 : /int|float/.test(depth) ? 32 : 8;
}

/** A Buffer view of the same memory (sharp's input type), without copying. */
export function asBuffer(input: Uint8Array): Buffer {
  return Buffer.isBuffer(input)
    ? input
    : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
}
