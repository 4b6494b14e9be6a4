/**
 * The `k` largest values of `scores` as indices, largest first, skipping -Infinity. A
 * sorted array of k with insertion: k is small (5 to 64) and most values fail the first
 * comparison against the current k-th, so this is one pass with a branch per value.
 */
export function topIndices(scores: ArrayLike<number>, k: number): number[] {
  const best: number[] = [];
  const values: number[] = [];
  let floor = -Infinity;

  for (let i = 0; i < scores.length; i++) {
    const s = scores[i] as number;
    if (s <= floor && best.length === k) continue;
    if (s === -Infinity) continue;

    let at = values.length;
    while (at > 0 && (values[at - 1] as number) < s) at -= 1;
    values.splice(at, 0, s);
    best.splice(at, 0, i);
    if (values.length > k) {
      values.pop();
      best.pop();
    }
    if (values.length === k) floor = values[k - 1] as number;
  }
  return best;
}

/**
 * `topIndices` of `ints[offset + r] * scale[r]` over `rows` rows, without building the
 * scaled array: the int8 scan's shortlist, in one pass over its integer scores.
 */
export function topScaledRows(
  ints: Int32Array,
  offset: number,
  rows: number,
  scale: Float32Array,
  k: number,
): number[] {
  const best: number[] = [];
  const values: number[] = [];
  let floor = -Infinity;

  for (let r = 0; r < rows; r++) {
    const s = (ints[offset + r] as number) * (scale[r] as number);
    if (s <= floor) continue;

    let at = values.length;
    while (at > 0 && (values[at - 1] as number) < s) at -= 1;
    values.splice(at, 0, s);
    best.splice(at, 0, r);
    if (values.length > k) {
      values.pop();
      best.pop();
    }
    if (values.length === k) floor = values[k - 1] as number;
  }
  return best;
}
