import type { LfwPair } from './pairs';

/**
 * The pairs of the first `folds` folds, and with `limit` at most that many in all, taken
 * evenly from every fold and half same, half different, so every fold can still choose a
 * threshold. Which pairs are kept depends only on the file's order (the first ones).
 */
export function selectPairs(
  pairs: readonly LfwPair[],
  folds: number,
  limit: number | undefined,
): LfwPair[] {
  const inFolds = pairs.filter((p) => p.fold < folds);
  if (limit === undefined) return inFolds;

  const perKind = Math.max(1, Math.floor(limit / folds / 2));
  const out: LfwPair[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const here = inFolds.filter((p) => p.fold === fold);
    out.push(...here.filter((p) => p.genuine).slice(0, perKind));
    out.push(...here.filter((p) => !p.genuine).slice(0, perKind));
  }
  return out;
}
