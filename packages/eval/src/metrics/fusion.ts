import { accuracyAt, bestThreshold, meanAndStd } from './verification';
import type { FoldedPair } from './ten-fold';

/** One pair scored by several models (cosine per model, in a fixed model order). */
export interface MultiScoredPair {
  readonly scores: readonly number[];
  readonly genuine: boolean;
  readonly fold: number;
}

/** Weighted sum of the per-model cosines; weights are [w, 1 - w] for two models. */
export function fuse(pairs: readonly MultiScoredPair[], weights: readonly number[]): FoldedPair[] {
  return pairs.map((p) => ({
    score: p.scores.reduce((sum, s, i) => sum + s * (weights[i] ?? 0), 0),
    genuine: p.genuine,
    fold: p.fold,
  }));
}

/** Weight grids for two models: w for the first, 1 - w for the second, in steps of `step`. */
export function twoModelGrid(step = 0.05): number[][] {
  const out: number[][] = [];
  for (let i = 0; i <= Math.round(1 / step); i++) {
    const w = Math.round(i * step * 1e6) / 1e6;
    out.push([w, Math.round((1 - w) * 1e6) / 1e6]);
  }
  return out;
}

export interface FusionFold {
  readonly fold: number;
  readonly weights: readonly number[];
  readonly threshold: number;
  readonly accuracy: number;
}

export interface FusionCrossValidation {
  readonly folds: readonly FusionFold[];
  readonly mean: number;
  readonly std: number;
}

/**
 * Nested cross-validation of fusion weights: for each held-out fold, the weights and then
 * the threshold are both chosen on the other folds only (weights by the best-accuracy
 * threshold's accuracy there, ties to the weights nearest an even split), then the held-out
 * fold is scored once.
 */
export function crossValidateFusion(
  pairs: readonly MultiScoredPair[],
  folds: number,
  grid: readonly (readonly number[])[],
): FusionCrossValidation {
  const results: FusionFold[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const train = pairs.filter((p) => p.fold !== fold);
    const weights = chooseWeights(train, grid);
    const { threshold } = bestThreshold(fuse(train, weights));
    const accuracy = accuracyAt(
      fuse(
        pairs.filter((p) => p.fold === fold),
        weights,
      ),
      threshold,
    );
    results.push({ fold, weights, threshold, accuracy });
  }
  const { mean, std } = meanAndStd(results.map((r) => r.accuracy));
  return { folds: results, mean, std };
}

/** The grid point whose best-threshold accuracy on `pairs` is highest. */
export function chooseWeights(
  pairs: readonly MultiScoredPair[],
  grid: readonly (readonly number[])[],
): readonly number[] {
  let best = grid[0] ?? [1];
  let bestAccuracy = -1;
  let bestSpread = Infinity;
  for (const weights of grid) {
    const { accuracy } = bestThreshold(fuse(pairs, weights));
    const spread = Math.max(...weights) - Math.min(...weights);
    if (accuracy > bestAccuracy || (accuracy === bestAccuracy && spread < bestSpread)) {
      best = weights;
      bestAccuracy = accuracy;
      bestSpread = spread;
    }
  }
  return best;
}
