/**
 * Which of the 68 iBUG 300-W points a point becomes when the face is mirrored left to
 * right: the jaw line, brows, eyes, nostrils and lips swap sides; the nose ridge and the
 * lip centres map to themselves.
 */
export const MIRROR_68: readonly number[] = buildMirror();

function buildMirror(): number[] {
  const map = Array.from({ length: 68 }, (_, i) => i);
  const pairs: [number, number][] = [
    ...range(0, 8).map((i): [number, number] => [i, 16 - i]),
    ...range(17, 21).map((i): [number, number] => [i, 43 - i]),
    [31, 35],
    [32, 34],
    [36, 45],
    [37, 44],
    [38, 43],
    [39, 42],
    [40, 47],
    [41, 46],
    [48, 54],
    [49, 53],
    [50, 52],
    [55, 59],
    [56, 58],
    [60, 64],
    [61, 63],
    [65, 67],
  ];
  for (const [a, b] of pairs) {
    map[a] = b;
    map[b] = a;
  }
  return map;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
