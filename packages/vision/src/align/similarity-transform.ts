import { RollcallError } from '@rollcall/errors';
import type { Point } from '../geometry/types';
import type { AffineMatrix } from './affine';

/**
 * The least-squares similarity transform (rotation, uniform scale, translation) taking
 * `from` onto `to`: Umeyama (1991), "Least-squares estimation of transformation parameters
 * between two point patterns", with the reflection correction (S = diag(1, -1) when the
 * cross-covariance has a negative determinant), so a mirrored point set still yields a
 * proper rotation — a face crop is never flipped by alignment.
 *
 * In 2-D the SVD collapses to a closed form. For the cross-covariance
 * C = [[a, b], [c, d]] = mean((to - mean_to)(from - mean_from)^T), Umeyama's R = U S V^T is
 * the rotation by theta = atan2(c - b, a + d) whatever the sign of det(C), and
 * trace(D S) = hypot(a + d, c - b); scale = trace(D S) / var(from). This is the same
 * answer as skimage's `SimilarityTransform.estimate` used by InsightFace's `norm_crop`.
 */
export function estimateSimilarity(from: readonly Point[], to: readonly Point[]): AffineMatrix {
  if (from.length !== to.length || from.length < 2) {
    throw new RollcallError(
      'INVALID_ARGUMENT',
      `A similarity needs two equal-length point lists of at least 2 points ` +
        `(got ${from.length} and ${to.length}).`,
    );
  }

  const mf = centroid(from);
  const mt = centroid(to);
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  let variance = 0;
  for (let i = 0; i < from.length; i++) {
    const fx = (from[i] as Point).x - mf.x;
    const fy = (from[i] as Point).y - mf.y;
    const tx = (to[i] as Point).x - mt.x;
    const ty = (to[i] as Point).y - mt.y;
    a += tx * fx;
    b += tx * fy;
    c += ty * fx;
    d += ty * fy;
    variance += fx * fx + fy * fy;
  }

  if (!(variance > 1e-12)) {
    throw new RollcallError(
      'INVALID_ARGUMENT',
      'The source points all coincide (or are not finite); pass distinct landmarks.',
    );
  }

  // Sums rather than means: the 1/n factors cancel in both the angle and the scale.
  const theta = Math.atan2(c - b, a + d);
  const scale = Math.hypot(a + d, c - b) / variance;
  const cos = scale * Math.cos(theta);
  const sin = scale * Math.sin(theta);
  return [cos, -sin, mt.x - (cos * mf.x - sin * mf.y), sin, cos, mt.y - (sin * mf.x + cos * mf.y)];
}

function centroid(points: readonly Point[]): Point {
  let x = 0;
  let y = 0;
  for (const p of points) {
    x += p.x;
    y += p.y;
  }
  return { x: x / points.length, y: y / points.length };
}
