import { boxFromCorners, clipBox, squareAround } from '../../src/geometry/box-ops';

describe('box operations', () => {
  it('builds a box from its corners', () => {
    expect(boxFromCorners(10, 20, 40, 60)).toEqual({ x: 10, y: 20, width: 30, height: 40 });
  });

  it('clips a box to the image and leaves an inside box alone', () => {
    expect(clipBox({ x: -5, y: 90, width: 20, height: 20 }, 100, 100)).toEqual({
      x: 0,
      y: 90,
      width: 15,
      height: 10,
    });
    const inside = { x: 1, y: 2, width: 3, height: 4 };
    expect(clipBox(inside, 100, 100)).toEqual(inside);
  });

  it('clips a box wholly outside to an empty one', () => {
    const clipped = clipBox({ x: 200, y: 10, width: 20, height: 20 }, 100, 100);
    expect(clipped.width).toBe(0);
  });

  it('squares a box about its centre', () => {
    expect(squareAround({ x: 10, y: 10, width: 20, height: 40 }, 40)).toEqual({
      x: 0,
      y: 10,
      width: 40,
      height: 40,
    });
  });
});
