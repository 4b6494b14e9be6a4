import { accuracyAt, bestThreshold, meanAndStd, type ScoredPair } from './verification';

export interface FoldedPair extends ScoredPair {
  readonly fold: number;
}

export interface FoldResult {
  readonly fold: number;
  /** Chosen on every other fold, never on this one. */
  readonly threshold: number;
  readonly accuracy: number;
}

export interface CrossValidation {
  readonly folds: readonly FoldResult[];
  readonly mean: number;
  readonly std: number;
}

/**
 * LFW's protocol: for each fold, pick the best-accuracy threshold on the other folds and
 * measure accuracy on this fold with it. The held-out fold's scores are never looked at
 * when its threshold is chosen.
 */
export function crossValidate(pairs: readonly FoldedPair[], folds: number): CrossValidation {
  const results: FoldResult[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const train = pairs.filter((p) => p.fold !== fold);
    const test = pairs.filter((p) => p.fold === fold);
    const { threshold } = bestThreshold(train);
    results.push({ fold, threshold, accuracy: accuracyAt(test, threshold) });
  }
  const { mean, std } = meanAndStd(results.map((r) => r.accuracy));
  return { folds: results, mean, std };
}
