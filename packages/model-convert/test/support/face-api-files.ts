/**
 * Where tests find @vladmandic/face-api's model folder: `ROLLCALL_FACE_API_DIR` (the unpacked
 * package root), else an installed copy that node can resolve. The files are read in place,
 * never copied into the repository; tests skip, saying why, when neither is there.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

function locate(): string | undefined {
  const fromEnv = process.env.ROLLCALL_FACE_API_DIR;
  if (fromEnv !== undefined) return path.resolve(fromEnv);
  try {
    return path.dirname(require.resolve('@vladmandic/face-api/package.json'));
  } catch {
    return undefined;
  }
}

export const FACE_API_DIR = locate();

/** Absolute path of a file in face-api's package root (`model/...`). */
export function faceApiPath(rel: string): string {
  return path.join(FACE_API_DIR ?? '', rel);
}

export function describeIfFaceApi(name: string, fn: () => void): void {
  const probe = faceApiPath('model/face_recognition_model.bin');
  if (FACE_API_DIR !== undefined && existsSync(probe)) {
    describe(name, fn);
    return;
  }
  console.warn(
    `skipped "${name}": @vladmandic/face-api@1.7.15 model files not found ` +
      '(set ROLLCALL_FACE_API_DIR to the unpacked package folder)',
  );
  describe.skip(name, fn);
}
