/**
 * Verification metrics on scored pairs: a higher score means "more likely the same person",
 * and a pair is accepted when its score is at or above the threshold.
 */
export interface ScoredPair {
  readonly score: number;
  readonly genuine: boolean;
}

export function accuracyAt(pairs: readonly ScoredPair[], threshold: number): number {
  let right = 0;
  for (const p of pairs) if (p.score >= threshold === p.genuine) right++;
  return pairs.length === 0 ? 0 : right / pairs.length;
}

/**
 * The threshold with the best accuracy on `pairs`, found exactly: sort by score, sweep the
 * cut past one pair at a time, and place it halfway between the two scores either side of
 * the best cut (so it generalises no worse to scores between them). Ties in accuracy go to
 * the first best cut from the low end.
 */
export function bestThreshold(pairs: readonly ScoredPair[]): {
  threshold: number;
  accuracy: number;
} {
  const sorted = [...pairs].sort((x, y) => x.score - y.score);
  const genuineTotal = sorted.filter((p) => p.genuine).length;

  // Cut at position k: pairs [0, k) rejected, [k, n) accepted.
  let right = genuineTotal; // k = 0: accept all, right on every genuine pair
  let best = right;
  let bestK = 0;
  for (let k = 1; k <= sorted.length; k++) {
    const passed = sorted[k - 1] as ScoredPair;
    right += passed.genuine ? -1 : 1;
    const tied = k < sorted.length && (sorted[k] as ScoredPair).score === passed.score;
    if (!tied && right > best) {
      best = right;
      bestK = k;
    }
  }
  return { threshold: cutValue(sorted, bestK), accuracy: best / Math.max(1, sorted.length) };
}

function cutValue(sorted: readonly ScoredPair[], k: number): number {
  const below = sorted[k - 1]?.score;
  const above = sorted[k]?.score;
  if (below === undefined) return (above ?? 0) - 1e-6;
  if (above === undefined) return below + 1e-6;
  return (below + above) / 2;
}

/**
 * True accept rate at a false accept rate: the threshold is set just above the
 * (floor(far * impostors) + 1)-th highest impostor score, so at most that fraction of
 * impostors is accepted, and TAR is the share of genuine pairs strictly above it.
 */
export function tarAtFar(
  pairs: readonly ScoredPair[],
  far: number,
): { tar: number; threshold: number } {
  const impostors = pairs
    .filter((p) => !p.genuine)
    .map((p) => p.score)
    .sort((a, b) => b - a);
  const genuine = pairs.filter((p) => p.genuine);
  const allowed = Math.floor(far * impostors.length);
  const threshold = impostors[allowed] ?? -Infinity;
  const accepted = genuine.filter((p) => p.score > threshold).length;
  return { tar: genuine.length === 0 ? 0 : accepted / genuine.length, threshold };
}

export function meanAndStd(values: readonly number[]): { mean: number; std: number } {
  const mean = values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
  // Population std (numpy's default), as LFW results are usually reported.
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / Math.max(1, values.length);
  return { mean, std: Math.sqrt(variance) };
}
