import { greedyNms } from '../../src/geometry/nms';

const at = (x: number, score: number, name: string) => ({
  box: { x, y: 0, width: 10, height: 10 },
  score,
  name,
});

describe('greedyNms', () => {
  it('keeps the best of overlapping boxes and every separate one, best first', () => {
    // b overlaps a by IoU 1/3 (offset 5); c is far away.
    const kept = greedyNms([at(5, 0.8, 'b'), at(100, 0.7, 'c'), at(0, 0.9, 'a')], 0.3);
    expect(kept.map((k) => k.name)).toEqual(['a', 'c']);
  });

  it('keeps a box whose overlap equals the limit (only "more than" suppresses)', () => {
    const kept = greedyNms([at(0, 0.9, 'a'), at(5, 0.8, 'b')], 1 / 3);
    expect(kept.map((k) => k.name)).toEqual(['a', 'b']);
  });

  it('compares against kept boxes only: a suppressed box suppresses nothing', () => {
    // a suppresses b (IoU 0.43 at offset 4); c overlaps b (offset 4) but not a (offset 8).
    const kept = greedyNms([at(0, 0.9, 'a'), at(4, 0.8, 'b'), at(8, 0.7, 'c')], 0.4);
    expect(kept.map((k) => k.name)).toEqual(['a', 'c']);
  });

  it('stops at the limit and keeps input order on equal scores', () => {
    const items = [at(0, 0.5, 'first'), at(50, 0.5, 'second'), at(100, 0.9, 'best')];
    expect(greedyNms(items, 0.4, 2).map((k) => k.name)).toEqual(['best', 'first']);
  });

  it('returns nothing for nothing', () => {
    expect(greedyNms([], 0.4)).toEqual([]);
  });
});
