import { RollcallError } from '@rollcall/errors';
import type { DetectedFace } from '../detect/face-detector';

/** Applies `expect: 'one'`: exactly one face, or a typed refusal saying what to change. */
export function requireFaces(faces: readonly DetectedFace[], expect: 'any' | 'one'): void {
  if (expect === 'any') return;

  if (faces.length === 0) {
    throw new RollcallError(
      'FACE_NOT_FOUND',
      'No face was found: use a photo where the face is lit, in focus and facing the camera.',
    );
  }
  if (faces.length > 1) {
    throw new RollcallError(
      'FACE_MULTIPLE',
      `${faces.length} faces were found where one is needed: use a photo of one person ` +
        'alone, or crop it to that person.',
      { details: { faces: faces.length } },
    );
  }
}
