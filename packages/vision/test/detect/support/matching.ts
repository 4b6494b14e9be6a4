import { iou } from '../../../src/geometry/iou';
import type { Box } from '../../../src/geometry/types';

/**
 * Greedy one-to-one matching of detections to ground-truth boxes by IoU (best pairs
 * first), as detection benchmarks count true positives. Boxes are compared as given.
 */
export function countMatches(truth: readonly Box[], found: readonly Box[], minIou: number): number {
  const pairs: { t: number; f: number; overlap: number }[] = [];
  truth.forEach((t, ti) =>
    found.forEach((f, fi) => {
      const overlap = iou(t, f);
      if (overlap >= minIou) pairs.push({ t: ti, f: fi, overlap });
    }),
  );
  pairs.sort((a, b) => b.overlap - a.overlap);

  const usedTruth = new Set<number>();
  const usedFound = new Set<number>();
  for (const pair of pairs) {
    if (usedTruth.has(pair.t) || usedFound.has(pair.f)) continue;
    usedTruth.add(pair.t);
    usedFound.add(pair.f);
  }
  return usedTruth.size;
}
