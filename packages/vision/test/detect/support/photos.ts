import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Box, Point } from '../../../src/geometry/types';
import { decodeImage } from '../../../src/image/decode-image';
import type { RgbImage } from '../../../src/image/rgb-image';

/** Decodes a photo the way the product does (upright sRGB, no alpha). */
export async function loadRgb(file: string): Promise<RgbImage> {
  return decodeImage(await readFile(file));
}

/** One face of dlib's example XML: its box and, in the landmark files, its 68 points. */
export interface DlibFace {
  readonly box: Box;
  readonly parts: readonly Point[];
}

/**
 * Reads dlib's imglab XML (`<image file=...><box top left width height>[<part x y/>]`).
 * The files are small and regular, so a pattern per element is enough.
 */
export function readDlibXml(file: string): Map<string, DlibFace[]> {
  const xml = readFileSync(file, 'latin1');
  const images = new Map<string, DlibFace[]>();
  for (const image of xml.matchAll(/<image file='([^']+)'[^>]*>([\s\S]*?)<\/image>/g)) {
    const faces: DlibFace[] = [];
    for (const box of (image[2] as string).matchAll(/<box ([^>]*?)\/?>([\s\S]*?)(?=<box|$)/g)) {
      const attr = (name: string) =>
        Number(new RegExp(`${name}='(-?\\d+)'`).exec(box[1] as string)?.[1]);
      const parts = [
        ...(box[2] as string).matchAll(/<part name='\d+' x='(-?\d+)' y='(-?\d+)'/g),
      ].map((m) => ({ x: Number(m[1]), y: Number(m[2]) }));
      faces.push({
        box: { x: attr('left'), y: attr('top'), width: attr('width'), height: attr('height') },
        parts,
      });
    }
    images.set(image[1] as string, faces);
  }
  return images;
}
