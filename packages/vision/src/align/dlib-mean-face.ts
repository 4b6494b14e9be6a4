import type { FivePoints, Point } from '../geometry/types';

/**
 * dlib's mean face for `get_face_chip_details` (dlib/image_transforms/interpolation.h):
 * the average positions of the 68-point (iBUG 300-W) landmarks, in a unit square, of the
 * points our five landmarks are made of. Indices are the iBUG point numbers.
 */
const MEAN_FACE: Readonly<Record<number, Point>> = {
  30: { x: 0.490127, y: 0.515625 }, // nose tip
  36: { x: 0.121737, y: 0.216423 }, // 36-41: the eye on the image's left
  37: { x: 0.187122, y: 0.178758 },
  38: { x: 0.265825, y: 0.179852 },
  39: { x: 0.334606, y: 0.231733 },
  40: { x: 0.260918, y: 0.245099 },
  41: { x: 0.182743, y: 0.244077 },
  42: { x: 0.645647, y: 0.231733 }, // 42-47: the eye on the image's right
  43: { x: 0.714428, y: 0.179852 },
  44: { x: 0.793132, y: 0.178758 },
  45: { x: 0.858516, y: 0.216423 },
  46: { x: 0.79751, y: 0.244077 },
  47: { x: 0.719335, y: 0.245099 },
  48: { x: 0.254149, y: 0.780233 }, // mouth corner, image left
  54: { x: 0.726104, y: 0.780233 }, // mouth corner, image right
};

/**
 * The five-point template of a dlib face chip of `size` pixels with `padding` (a fraction
 * of the face width added on each side): dlib maps each mean-face point p to
 * (padding + p) / (2 * padding + 1) * size. Eye centres are the mean of the six eye-contour
 * points, which is how five-point detectors define an eye.
 *
 * dlib fits its chip to 33 of the 68 points; a face with exactly the mean shape lands its
 * five points here, so aligning five detected points to these reproduces dlib's chip up
 * to the residual of the face's own shape.
 */
export function dlibChipPoints(size: number, padding: number): FivePoints {
  const place = (p: Point): Point => ({
    x: ((padding + p.x) / (2 * padding + 1)) * size,
    y: ((padding + p.y) / (2 * padding + 1)) * size,
  });

  return [
    place(meanOf([36, 37, 38, 39, 40, 41])),
    place(meanOf([42, 43, 44, 45, 46, 47])),
    place(MEAN_FACE[30] as Point),
    place(MEAN_FACE[48] as Point),
    place(MEAN_FACE[54] as Point),
  ];
}

function meanOf(indices: readonly number[]): Point {
  let x = 0;
  let y = 0;
  for (const i of indices) {
    x += (MEAN_FACE[i] as Point).x;
    y += (MEAN_FACE[i] as Point).y;
  }
  return { x: x / indices.length, y: y / indices.length };
}
