/**
 * Recognising an image format from its first bytes, before any decoder sees it, so a file
 * that this build cannot decode is refused as "unsupported" (415) rather than "unreadable"
 * (422), and so a HEIC is told apart from an AVIF (both are ISO-BMFF, one loader in libvips).
 */

/** Formats Rollcall accepts as photos; whether each decodes depends on the libvips build. */
export const ACCEPTED_FORMATS = ['jpeg', 'png', 'webp', 'gif', 'tiff', 'avif', 'heic'] as const;

export type AcceptedFormat = (typeof ACCEPTED_FORMATS)[number];

/** Formats recognised by their magic bytes but refused: not photos, or no decoder here. */
export type RefusedFormat = 'bmp' | 'jp2' | 'jxl' | 'psd' | 'pdf' | 'svg' | 'ico';

export type ImageFormat = AcceptedFormat | RefusedFormat;

export function isAcceptedFormat(format: string): format is AcceptedFormat {
  return (ACCEPTED_FORMATS as readonly string[]).includes(format);
}

/** ISO-BMFF brands (ISO/IEC 23008-12 and the AVIF spec) that mark AVIF and HEIC files. */
const AVIF_BRANDS = new Set(['avif', 'avis']);
const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs']);

/** The format the bytes announce, or undefined when no known signature matches. */
export function sniffFormat(bytes: Uint8Array): ImageFormat | undefined {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return 'gif';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
  if (isTiff(bytes)) return 'tiff';
  if (ascii(bytes, 4, 8) === 'ftyp') return isoBmffFormat(bytes);
  return sniffRefused(bytes);
}

function sniffRefused(bytes: Uint8Array): RefusedFormat | undefined {
  if (ascii(bytes, 0, 2) === 'BM' && bytes.length >= 26) return 'bmp';
  if (ascii(bytes, 0, 4) === '8BPS') return 'psd';
  if (ascii(bytes, 0, 5) === '%PDF-') return 'pdf';
  if (startsWith(bytes, [0x00, 0x00, 0x01, 0x00]) && bytes.length >= 22) return 'ico';
  if (startsWith(bytes, [0xff, 0x0a])) return 'jxl';
  if (ascii(bytes, 4, 12) === 'JXL \r\n\x87\n') return 'jxl';
  if (ascii(bytes, 4, 12) === 'jP  \r\n\x87\n' || startsWith(bytes, [0xff, 0x4f, 0xff, 0x51])) {
    return 'jp2';
  }
  if (/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/i.test(ascii(bytes, 0, 512))) {
    return 'svg';
  }
  return undefined;
}

function isTiff(bytes: Uint8Array): boolean {
  // Classic TIFF has version 42, BigTIFF 43, in either byte order.
  return (
    startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) ||
    startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a]) ||
    startsWith(bytes, [0x49, 0x49, 0x2b, 0x00]) ||
    startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2b])
  );
}

/** Major brand first, then the compatible brands ('mif1' files name the codec there). */
function isoBmffFormat(bytes: Uint8Array): ImageFormat | undefined {
  const boxSize = readUint32(bytes, 0);
  const end = Math.min(bytes.length, boxSize >= 16 ? boxSize : 16);
  const brands = [ascii(bytes, 8, 12)];
  for (let at = 16; at + 4 <= end; at += 4) brands.push(ascii(bytes, at, at + 4));

  if (brands.some((brand) => AVIF_BRANDS.has(brand))) return 'avif';
  if (brands.some((brand) => HEIC_BRANDS.has(brand))) return 'heic';
  return undefined;
}

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return bytes.length >= signature.length && signature.every((byte, i) => bytes[i] === byte);
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, Math.min(to, bytes.length)));
}

function readUint32(bytes: Uint8Array, at: number): number {
  if (bytes.length < at + 4) return 0;
  return (
    (((bytes[at] as number) << 24) |
      ((bytes[at + 1] as number) << 16) |
      ((bytes[at + 2] as number) << 8) |
      (bytes[at + 3] as number)) >>>
    0
  );
}
