import { boxToSource, pointToSource, type Letterbox } from '../geometry/letterbox';
import type { DetectedFace } from './face-detector';

/** A face found on the model canvas, moved into the coordinates of the source image. */
export function faceToSource(letterbox: Letterbox, face: DetectedFace): DetectedFace {
  const [a, b, c, d, e] = face.landmarks;
  const map = (p: typeof a) => pointToSource(letterbox, p);
  return {
    box: boxToSource(letterbox, face.box),
    landmarks: [map(a), map(b), map(c), map(d), map(e)],
    score: face.score,
  };
}
