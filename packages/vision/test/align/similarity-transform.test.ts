import type { Point } from '../../src/geometry/types';
import { applyAffine, invertAffine, type AffineMatrix } from '../../src/align/affine';
import { estimateSimilarity } from '../../src/align/similarity-transform';
import { ALIGNMENT_TEMPLATES } from '../../src/align/templates';

function similarity(angleDeg: number, scale: number, tx: number, ty: number): AffineMatrix {
  const t = (angleDeg * Math.PI) / 180;
  const c = scale * Math.cos(t);
  const s = scale * Math.sin(t);
  return [c, -s, tx, s, c, ty];
}

function sumSquaredError(m: AffineMatrix, from: readonly Point[], to: readonly Point[]): number {
  return from.reduce((sum, p, i) => {
    const q = applyAffine(m, p);
    const target = to[i] as Point;
    return sum + (q.x - target.x) ** 2 + (q.y - target.y) ** 2;
  }, 0);
}

/** Parameters (angle, log scale, tx, ty) of a proper similarity, to perturb around. */
function perturbed(m: AffineMatrix, which: number, step: number): AffineMatrix {
  const angle = Math.atan2(m[3], m[0]) + (which === 0 ? step : 0);
  const scale = Math.hypot(m[0], m[3]) * (which === 1 ? 1 + step : 1);
  const c = scale * Math.cos(angle);
  const s = scale * Math.sin(angle);
  return [c, -s, m[2] + (which === 2 ? step : 0), s, c, m[5] + (which === 3 ? step : 0)];
}

const face = ALIGNMENT_TEMPLATES['arcface-112'].points;

describe('estimateSimilarity', () => {
  it('recovers a synthetic rotation, scale and translation exactly', () => {
    const truth = similarity(-23.5, 1.87, 140.25, -31.5);
    const from = [...face, { x: 3, y: 200 }];
    const to = from.map((p) => applyAffine(truth, p));

    const found = estimateSimilarity(from, to);

    found.forEach((v, i) => expect(v).toBeCloseTo(truth[i] as number, 9));
  });

  it('maps noise-free landmarks exactly onto the template', () => {
    const template = ALIGNMENT_TEMPLATES['dlib-150'].points;
    const camera = similarity(12, 2.4, 310, 95);
    const landmarks = template.map((p) => applyAffine(camera, p));

    const toTemplate = estimateSimilarity(landmarks, template);

    landmarks.forEach((p, i) => {
      const q = applyAffine(toTemplate, p);
      expect(q.x).toBeCloseTo((template[i] as Point).x, 9);
      expect(q.y).toBeCloseTo((template[i] as Point).y, 9);
    });
  });

  it('is the least-squares optimum for noisy points (no perturbation does better)', () => {
    const truth = similarity(40, 0.6, -12, 7);
    const noise = [0.8, -1.3, 0.4, 2.1, -0.7, -0.2, 1.6, -1.1, 0.3, 0.9];
    const to = face.map((p, i) => {
      const q = applyAffine(truth, p);
      return { x: q.x + (noise[2 * i] as number), y: q.y + (noise[2 * i + 1] as number) };
    });

    const found = estimateSimilarity(face, to);
    const best = sumSquaredError(found, face, to);

    expect(best).toBeGreaterThan(0);
    for (let which = 0; which < 4; which++) {
      for (const step of [1e-3, -1e-3]) {
        expect(sumSquaredError(perturbed(found, which, step), face, to)).toBeGreaterThan(best);
      }
    }
  });

  it('returns a proper rotation (no reflection) for a mirrored point set', () => {
    const mirrored = face.map((p) => ({ x: 112 - p.x, y: p.y }));

    const found = estimateSimilarity(face, mirrored);
    const det = found[0] * found[4] - found[1] * found[3];
    const best = sumSquaredError(found, face, mirrored);

    expect(det).toBeGreaterThan(0);
    for (let which = 0; which < 4; which++) {
      for (const step of [1e-3, -1e-3]) {
        expect(sumSquaredError(perturbed(found, which, step), face, mirrored)).toBeGreaterThan(
          best,
        );
      }
    }
  });

  it('rejects coincident points and mismatched lists with INVALID_ARGUMENT', () => {
    const same = [
      { x: 1, y: 1 },
      { x: 1, y: 1 },
    ];
    expect(() => estimateSimilarity(same, face.slice(0, 2))).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    expect(() => estimateSimilarity(face, face.slice(0, 3))).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });

  it('inverts an affine matrix', () => {
    const m = similarity(33, 1.3, 5, -9);
    const p = { x: 17.25, y: -4.5 };
    const back = applyAffine(invertAffine(m), applyAffine(m, p));
    expect(back.x).toBeCloseTo(p.x, 10);
    expect(back.y).toBeCloseTo(p.y, 10);
  });
});
