/**
 * Five landmarks from dlib's 68-point ground truth (iBUG 300-W order), so quality can be
 * measured on labelled real faces without a detector: eye centres are the means of points
 * 36-41 and 42-47, the nose tip is point 30, the mouth corners are points 48 and 54.
 */
import type { DetectedFace } from '../../src/detect/face-detector';
import type { FivePoints, Point } from '../../src/geometry/types';
import { readDlibXml, type DlibFace } from '../detect/support/photos';
import { dataPath } from '../support/data';

export const DLIB_FOLDER = 'group-photos/dlib-examples-faces';

export interface LabelledFace {
  readonly file: string;
  /** Faces in that photo, ground truth turned into what a detector would answer. */
  readonly faces: DetectedFace[];
}

/** Every photo of dlib's training and testing landmark files, with its faces. */
export function dlibLabelledPhotos(): LabelledFace[] {
  return ['training_with_face_landmarks.xml', 'testing_with_face_landmarks.xml'].flatMap((xml) =>
    [...readDlibXml(dataPath(`${DLIB_FOLDER}/${xml}`))].map(([file, faces]) => ({
      file: dataPath(`${DLIB_FOLDER}/${file}`),
      faces: faces.filter((f) => f.parts.length === 68).map(asDetected),
    })),
  );
}

function asDetected(face: DlibFace): DetectedFace {
  return { box: face.box, landmarks: fiveFrom68(face.parts), score: 1 };
}

export function fiveFrom68(parts: readonly Point[]): FivePoints {
  const at = (k: number) => parts[k] as Point;
  const mean = (from: number, to: number): Point => {
    const span = parts.slice(from, to + 1);
    return {
      x: span.reduce((sum, p) => sum + p.x, 0) / span.length,
      y: span.reduce((sum, p) => sum + p.y, 0) / span.length,
    };
  };
  return [mean(36, 41), mean(42, 47), at(30), at(48), at(54)];
}
