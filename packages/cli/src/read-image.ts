import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { visionSettings } from '@rollcall/config';
import { RollcallError } from '@rollcall/errors';
import { decodeImage, type RgbImage } from '@rollcall/vision';

/** Reads and decodes an image file under the `ROLLCALL_MAX_IMAGE_PIXELS` limit. */
export async function readImage(file: string): Promise<RgbImage> {
  const full = path.resolve(file);
  const info = await stat(full).catch(() => undefined);
  if (info === undefined || !info.isFile()) {
    throw new RollcallError('DATA_NOT_FOUND', `${full} is not a file: pass an image path.`, {
      details: { file: full },
    });
  }
  return decodeImage(await readFile(full), { maxPixels: visionSettings().maxImagePixels });
}
