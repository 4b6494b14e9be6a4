import { RollcallError } from '@rollcall/errors';

import type { ImageFormat } from './image-format';

/** What is known about an image when it is refused; all of it goes into the error details. */
export interface RefusalFacts {
  readonly format?: ImageFormat | string | undefined;
  readonly width?: number | undefined;
  readonly height?: number | undefined;
}

/**
 * Turns a libvips failure into a coded refusal. A file whose signature names a format that
 * this build cannot decode is "unsupported"; anything else that fails (corrupt, truncated,
 * not an image at all) is "unreadable". The libvips text stays in `details.decoder`.
 */
export function refusalFromDecoder(cause: unknown, facts: RefusalFacts): RollcallError {
  const decoder = cause instanceof Error ? cause.message : String(cause);
  const details = { ...definedFacts(facts), decoder: lastLine(decoder) };

  if (/exceeds pixel limit/i.test(decoder)) {
    return new RollcallError('IMAGE_TOO_LARGE', tooLargeMessage(facts), { details, cause });
  }
  if (facts.format !== undefined && noDecoderFor(decoder)) {
    return new RollcallError(
      'IMAGE_UNSUPPORTED_FORMAT',
      `This build cannot decode ${String(facts.format).toUpperCase()} images. ` +
        'Convert the photo to JPEG or PNG and upload it again.',
      { details, cause },
    );
  }
  return new RollcallError(
    'IMAGE_UNREADABLE',
    'The file could not be decoded as an image (it is corrupt, truncated or not an image). ' +
      'Export the photo again as JPEG or PNG.',
    { details, cause },
  );
}

export function tooLargeMessage(facts: RefusalFacts, maxPixels?: number): string {
  const size =
    facts.width !== undefined && facts.height !== undefined
      ? `${facts.width} x ${facts.height} pixels`
      : 'too many pixels';
  const limit = maxPixels === undefined ? '' : ` (the limit is ${maxPixels.toLocaleString('en')})`;
  return `The image is ${size}${limit}. Resize it to at most a few thousand pixels a side.`;
}

/** Keeps only the facts that are known, so `details` has no undefined entries. */
export function definedFacts(facts: RefusalFacts): Record<string, unknown> {
  return Object.fromEntries(Object.entries(facts).filter(([, value]) => value !== undefined));
}

function noDecoderFor(decoder: string): boolean {
  // libvips: "unsupported image format". libheif without an HEVC plugin (sharp's prebuilt
  // libheif decodes AV1 only): "Support for this compression format has not been built in",
  // or "Unsupported codec" in older releases.
  return /unsupported image format|has not been built in|unsupported codec/i.test(decoder);
}

/** libvips logs its steps first ("source: bad seek ...") and the reason last. */
function lastLine(text: string): string {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  return (lines[lines.length - 1] ?? text).slice(0, 200);
}
