import type { Box } from './types';
import { iou } from './iou';

/** Anything with a box and a score can be suppressed. */
export interface Scored {
  readonly box: Box;
  readonly score: number;
}

/**
 * Greedy non-maximum suppression, class-free: walk the items best first and keep each one
 * whose IoU with every item already kept is at most `maxIou`. Returns the kept items best
 * first, at most `limit` of them. Ties in score keep their input order, so the result is
 * deterministic.
 */
export function greedyNms<T extends Scored>(
  items: readonly T[],
  maxIou: number,
  limit = Number.POSITIVE_INFINITY,
): T[] {
  const ranked = items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => b.item.score - a.item.score || a.index - b.index);

  const kept: T[] = [];
  for (const { item } of ranked) {
    if (kept.length >= limit) break;
    if (kept.every((better) => iou(better.box, item.box) <= maxIou)) kept.push(item);
  }
  return kept;
}
