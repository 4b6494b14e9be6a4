import { readFileSync } from 'node:fs';

import type { Frame } from '@rollcall/contracts';

import { dataPath } from '../../../../packages/vision/test/support/data';

/** Photos the worker tests use, relative to `ROLLCALL_DATA_DIR`. */
export const GROUP_PHOTO = 'bbt-face-api-js/group/bbt1.jpg';
export const NO_FACE_PHOTO = 'group-photos/dlib-examples-faces/dogs.jpg';
export const LFW_DIR = 'lfw-deepfunneled/images';

export function readData(relPath: string): Buffer {
  return readFileSync(dataPath(relPath));
}

/** A frame carrying a JPEG file's bytes as a camera source would send it. */
export function jpegFrame(jpeg: Buffer, cameraId: string, seq: number): Frame {
  return {
    cameraId,
    seq,
    capturedAtMs: 1_764_860_000_000 + seq,
    width: 0,
    height: 0,
    image: { $case: 'jpeg', value: jpeg },
  };
}
