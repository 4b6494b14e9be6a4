import type { Box, DetectedFace } from '@rollcall/vision';
import { round } from './output';

/** A face as the CLI prints it: box, score and landmarks rounded to a tenth of a pixel. */
export function faceJson(face: DetectedFace) {
  const px = (v: number) => round(v, 1);
  return {
    box: {
      x: px(face.box.x),
      y: px(face.box.y),
      width: px(face.box.width),
      height: px(face.box.height),
    },
    score: round(face.score),
    landmarks: face.landmarks.map((p) => ({ x: px(p.x), y: px(p.y) })),
  };
}

export function describeBox(face: { readonly box: Box }): string {
  const b = face.box;
  return `box ${Math.round(b.x)},${Math.round(b.y)} ${Math.round(b.width)}x${Math.round(b.height)}`;
}
