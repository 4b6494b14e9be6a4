import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { visionSettings } from '@rollcall/config';
import { RollcallError, isRollcallError } from '@rollcall/errors';
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
  try {
    return await decodeImage(await readFile(full), {
      maxPixels: visionSettings().maxImagePixels,
    });
  } catch (err) {
    // With several images on one command line, the refusal must say which file it is.
    if (!isRollcallError(err)) throw err;
    throw new RollcallError(err.code, `${full}: ${err.message}`, {
      details: { ...err.details, file: full },
      cause: err,
    });
  }
}
