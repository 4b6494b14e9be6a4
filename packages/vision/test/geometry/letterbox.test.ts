import { boxToSource, canvasRegion, fitTopLeft, pointToSource } from '../../src/geometry/letterbox';

describe('letterbox', () => {
  it('fits a landscape image by its width, padding below', () => {
    // 1280x720 into 640x640: scale 0.5, the image fills 640x360 at the top.
    const box = fitTopLeft(1280, 720, 640, 640);
    expect(box.scale).toBe(0.5);
    expect(box.offsetX).toBe(0);
    expect(box.offsetY).toBe(0);
    expect(canvasRegion(box)).toEqual({ x: 0, y: 0, width: 1280, height: 1280 });
  });

  it('fits a portrait image by its height, padding on the right', () => {
    // 300x600 into 320x320: scale 320/600, the source region is 600 wide.
    const box = fitTopLeft(300, 600, 320, 320);
    expect(box.scale).toBeCloseTo(320 / 600, 12);
    expect(canvasRegion(box).width).toBeCloseTo(600, 9);
  });

  it('maps canvas points and boxes back to the source', () => {
    const box = fitTopLeft(1000, 500, 640, 640); // scale 0.64
    expect(pointToSource(box, { x: 64, y: 32 })).toEqual({ x: 100, y: 50 });
    const mapped = boxToSource(box, { x: 6.4, y: 12.8, width: 64, height: 32 });
    expect(mapped.x).toBeCloseTo(10, 9);
    expect(mapped.y).toBeCloseTo(20, 9);
    expect(mapped.width).toBeCloseTo(100, 9);
    expect(mapped.height).toBeCloseTo(50, 9);
  });

  it('honours an offset when one is set (centred placements)', () => {
    const centred = { scale: 2, offsetX: 10, offsetY: 4, canvasWidth: 100, canvasHeight: 100 };
    expect(pointToSource(centred, { x: 30, y: 24 })).toEqual({ x: 10, y: 10 });
    expect(canvasRegion(centred)).toEqual({ x: -5, y: -2, width: 50, height: 50 });
  });
});
