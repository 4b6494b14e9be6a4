import { intersectionArea, iou } from '../../src/geometry/iou';

describe('iou', () => {
  it('is 1 for identical boxes and 0 for disjoint ones', () => {
    const box = { x: 10, y: 20, width: 30, height: 40 };
    expect(iou(box, box)).toBe(1);
    expect(iou(box, { x: 100, y: 100, width: 5, height: 5 })).toBe(0);
  });

  it('treats boxes that only share an edge as not overlapping', () => {
    expect(iou({ x: 0, y: 0, width: 10, height: 10 }, { x: 10, y: 0, width: 10, height: 10 })).toBe(
      0,
    );
  });

  it('matches a hand-worked partial overlap', () => {
    // Overlap 5x10 = 50; union 100 + 100 - 50 = 150.
    const a = { x: 0, y: 0, width: 10, height: 10 };
    const b = { x: 5, y: 0, width: 10, height: 10 };
    expect(intersectionArea(a, b)).toBe(50);
    expect(iou(a, b)).toBeCloseTo(1 / 3, 12);
  });

  it('gives the area ratio for a box inside another', () => {
    // 4x4 inside 8x8: 16 / 64.
    expect(iou({ x: 0, y: 0, width: 8, height: 8 }, { x: 2, y: 2, width: 4, height: 4 })).toBe(
      0.25,
    );
  });

  it('is symmetric and gives 0 for degenerate boxes', () => {
    const a = { x: 1, y: 2, width: 7, height: 3 };
    const b = { x: 4, y: 0, width: 5, height: 4 };
    expect(iou(a, b)).toBe(iou(b, a));
    expect(iou(a, { x: 2, y: 2, width: 0, height: 3 })).toBe(0);
  });
});
