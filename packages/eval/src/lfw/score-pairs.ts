import type { MultiScoredPair } from '../metrics/fusion';
import type { LfwPair } from './pairs';

/** Cosine of two L2-normalised vectors. */
export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += (a[i] as number) * (b[i] as number);
  return dot;
}

/** Every pair scored by every recogniser, from the per-image vectors. */
export function scorePairs(
  pairs: readonly LfwPair[],
  vectors: ReadonlyMap<string, readonly Float32Array[]>,
  models: number,
): MultiScoredPair[] {
  return pairs.map((p) => {
    const a = vectors.get(p.a);
    const b = vectors.get(p.b);
    if (a === undefined || b === undefined) throw new Error(`no vectors for ${p.a} / ${p.b}`);
    const scores = Array.from({ length: models }, (_, m) => cosine(a[m]!, b[m]!));
    return { scores, genuine: p.genuine, fold: p.fold };
  });
}
