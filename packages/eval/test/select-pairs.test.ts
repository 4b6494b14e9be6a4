import type { LfwPair } from '../src/lfw/pairs';
import { selectPairs } from '../src/lfw/select-pairs';

// 3 folds x (4 same + 4 different), named by fold, kind and position.
const pairs: LfwPair[] = [];
for (let fold = 0; fold < 3; fold++) {
  for (const genuine of [true, false]) {
    for (let i = 0; i < 4; i++) pairs.push({ a: `${fold}${genuine}${i}`, b: 'x', genuine, fold });
  }
}

describe('pair selection for quick runs', () => {
  it('keeps the first folds whole without a limit', () => {
    expect(selectPairs(pairs, 2, undefined)).toHaveLength(16);
  });

  it('takes a limit evenly from every fold, half same and half different', () => {
    const picked = selectPairs(pairs, 3, 12);
    expect(picked).toHaveLength(12);
    for (let fold = 0; fold < 3; fold++) {
      const here = picked.filter((p) => p.fold === fold);
      expect(here.filter((p) => p.genuine).map((p) => p.a)).toEqual([
        `${fold}true0`,
        `${fold}true1`,
      ]);
      expect(here.filter((p) => !p.genuine)).toHaveLength(2);
    }
  });
});
