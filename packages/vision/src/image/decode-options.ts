import { RollcallError } from '@rollcall/errors';

/** What `decodeImage` accepts, and the limits it enforces before any pixel is decoded. */
export interface DecodeOptions {
  /**
   * Refuse images with more pixels than this (`IMAGE_TOO_LARGE`), read from the header before
   * decoding so a decompression bomb costs nothing. Default 50,000,000: a 48 MP phone photo
   * (8000 x 6000) and a 45 MP full-frame camera photo (8192 x 5464) pass, while the RGB
   * buffer of the largest accepted image stays near 150 MB. A 20000 x 20000 PNG header
   * (400 MP, 1.2 GB of RGB) is refused.
   */
  readonly maxPixels?: number;
  /**
   * Refuse images whose shorter side is below this (`IMAGE_TOO_SMALL`). Default 16: the
   * smallest anchor of the SCRFD and YuNet detectors (stride 8) is 16 px, so a shorter image
   * cannot hold a face they can find.
   */
  readonly minSide?: number;
  /**
   * Shrink the decoded image so its longer side is at most this many pixels (aspect kept,
   * never enlarged). JPEG shrinks while decoding, which saves time and memory on large
   * photos. Default: none (full resolution).
   */
  readonly maxSide?: number;
  /**
   * Colour that transparent pixels are flattened onto, as 8-bit sRGB. Default mid-grey
   * `[128, 128, 128]`: neutral for the detectors (which normalise around 127.5), so a
   * cut-out portrait gets neither a black nor a white halo that could read as an edge.
   */
  readonly alphaBackground?: readonly [number, number, number];
}

export interface ResolvedDecodeOptions {
  readonly maxPixels: number;
  readonly minSide: number;
  readonly maxSide: number | undefined;
  readonly alphaBackground: readonly [number, number, number];
}

export const DEFAULT_DECODE_OPTIONS: ResolvedDecodeOptions = Object.freeze({
  maxPixels: 50_000_000,
  minSide: 16,
  maxSide: undefined,
  alphaBackground: Object.freeze([128, 128, 128] as const),
});

/** Fills in defaults and refuses values that would make the limits meaningless. */
export function resolveDecodeOptions(options: DecodeOptions = {}): ResolvedDecodeOptions {
  const resolved = {
    maxPixels: options.maxPixels ?? DEFAULT_DECODE_OPTIONS.maxPixels,
    minSide: options.minSide ?? DEFAULT_DECODE_OPTIONS.minSide,
    maxSide: options.maxSide ?? DEFAULT_DECODE_OPTIONS.maxSide,
    alphaBackground: options.alphaBackground ?? DEFAULT_DECODE_OPTIONS.alphaBackground,
  };

  requirePositiveInteger('maxPixels', resolved.maxPixels);
  requirePositiveInteger('minSide', resolved.minSide);
  if (resolved.maxSide !== undefined) requirePositiveInteger('maxSide', resolved.maxSide);
  if (!resolved.alphaBackground.every((v) => Number.isInteger(v) && v >= 0 && v <= 255)) {
    throw new RollcallError(
      'INVALID_ARGUMENT',
      'alphaBackground must be three integers from 0 to 255, e.g. [128, 128, 128].',
      { details: { alphaBackground: resolved.alphaBackground } },
    );
  }
  return resolved;
}

function requirePositiveInteger(name: string, value: number): void {
  if (Number.isInteger(value) && value > 0) return;
  throw new RollcallError('INVALID_ARGUMENT', `${name} must be a positive integer.`, {
    details: { [name]: value },
  });
}
