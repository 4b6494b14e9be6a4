import { RollcallError } from '@rollcall/errors';
import type { Point } from '../geometry/types';

/**
 * A 2x3 affine matrix `[a, b, tx, c, d, ty]`: x' = a*x + b*y + tx, y' = c*x + d*y + ty.
 * Coordinates are pixel centres (pixel (i, j) sits at x = i, y = j), the convention of
 * OpenCV's warpAffine and of dlib's chip extraction, which the templates assume.
 */
export type AffineMatrix = readonly [number, number, number, number, number, number];

export function applyAffine(m: AffineMatrix, p: Point): Point {
  return { x: m[0] * p.x + m[1] * p.y + m[2], y: m[3] * p.x + m[4] * p.y + m[5] };
}

export function invertAffine(m: AffineMatrix): AffineMatrix {
  const [a, b, tx, c, d, ty] = m;
  const det = a * d - b * c;
  if (!Number.isFinite(det) || Math.abs(det) < 1e-12) {
    throw new RollcallError(
      'INVALID_ARGUMENT',
      'The affine matrix is singular and cannot be inverted: the landmarks it was fitted ' +
        'to must not all coincide.',
    );
  }

  const ia = d / det;
  const ib = -b / det;
  const ic = -c / det;
  const id = a / det;
  return [ia, ib, -(ia * tx + ib * ty), ic, id, -(ic * tx + id * ty)];
}
