import { crossValidateFusion, chooseWeights, fuse, twoModelGrid } from '../metrics/fusion';
import type { MultiScoredPair } from '../metrics/fusion';
import { crossValidate } from '../metrics/ten-fold';
import { bestThreshold, tarAtFar } from '../metrics/verification';

export interface ScoreSummary {
  readonly name: string;
  /** 10-fold accuracy: mean and population std over folds. */
  readonly accuracy: number;
  readonly accuracyStd: number;
  readonly tarAtFar1e3: number;
  /** The threshold that accepts at most 1 in 1,000 impostor pairs (where TAR@FAR1e-3 is read). */
  readonly thresholdAtFar1e3: number;
  /** Best-accuracy threshold on all folds: the one a pack manifest should carry. */
  readonly threshold: number;
  /** Fusion weights (chosen on all folds) when several models are fused. */
  readonly weights?: readonly number[];
  /** Per held-out fold weights of the nested cross-validation. */
  readonly foldWeights?: readonly (readonly number[])[];
}

/** One model's scores under the LFW protocol. */
export function summariseModel(
  name: string,
  pairs: readonly MultiScoredPair[],
  model: number,
  folds: number,
): ScoreSummary {
  const scored = pairs.map((p) => ({
    score: p.scores[model] as number,
    genuine: p.genuine,
    fold: p.fold,
  }));
  const cv = crossValidate(scored, folds);
  return {
    name,
    accuracy: cv.mean,
    accuracyStd: cv.std,
    tarAtFar1e3: tarAtFar(scored, 1e-3).tar,
    thresholdAtFar1e3: tarAtFar(scored, 1e-3).threshold,
    threshold: bestThreshold(scored).threshold,
  };
}

/**
 * Two models fused by a weighted sum of cosines. Accuracy is nested: each held-out fold's
 * weights and threshold come from the other folds. TAR@FAR and the threshold use the
 * weights chosen on all folds (the ones a manifest would carry), so TAR@FAR has seen the
 * weights' choice on every pair — it is the figure for the shipped configuration.
 */
export function summariseFusion(
  name: string,
  pairs: readonly MultiScoredPair[],
  folds: number,
): ScoreSummary {
  // Weights are positive in a manifest: keep the grid off 0 and 1.
  const grid = twoModelGrid(0.05).filter((w) => w.every((x) => x > 0));
  const cv = crossValidateFusion(pairs, folds, grid);
  const weights = chooseWeights(pairs, grid);
  const fused = fuse(pairs, weights);
  return {
    name,
    accuracy: cv.mean,
    accuracyStd: cv.std,
    tarAtFar1e3: tarAtFar(fused, 1e-3).tar,
    thresholdAtFar1e3: tarAtFar(fused, 1e-3).threshold,
    threshold: bestThreshold(fused).threshold,
    weights,
    foldWeights: cv.folds.map((f) => f.weights),
  };
}

/** Fixed weights (e.g. the manifest's), no weight search: plain 10-fold on the fused score. */
export function summariseFixedFusion(
  name: string,
  pairs: readonly MultiScoredPair[],
  weights: readonly number[],
  folds: number,
): ScoreSummary {
  const fused = fuse(pairs, weights);
  const cv = crossValidate(fused, folds);
  return {
    name,
    accuracy: cv.mean,
    accuracyStd: cv.std,
    tarAtFar1e3: tarAtFar(fused, 1e-3).tar,
    thresholdAtFar1e3: tarAtFar(fused, 1e-3).threshold,
    threshold: bestThreshold(fused).threshold,
    weights,
  };
}
