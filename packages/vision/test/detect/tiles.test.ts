import {
  DEFAULT_TILING,
  planTiles,
  smallEnoughForTiles,
  touchesInnerEdge,
} from '../../src/detect/ultraface/tiles';

describe('planTiles', () => {
  it('plans no tiles when the whole-image pass is fine enough', () => {
    // 640x480 into 320x240 is scale 0.5: not below the 0.5 limit.
    expect(planTiles(640, 480, [320, 240])).toEqual([]);
  });

  it('covers a large image edge to edge with overlapping tiles at twice the scale', () => {
    // 1280x960: whole scale 0.25, tiles at 0.5 -> 640x480 source pixels; step 480x360
    // gives ceil(640/480)+1 = 3 columns and ceil(480/360)+1 = 3 rows, spread evenly.
    const tiles = planTiles(1280, 960, [320, 240]);
    expect(tiles).toHaveLength(9);
    expect(tiles.map((t) => t.region.x).slice(0, 3)).toEqual([0, 320, 640]);
    expect(tiles.map((t) => t.region.y).filter((_, i) => i % 3 === 0)).toEqual([0, 240, 480]);
    expect(tiles.every((t) => t.region.width === 640 && t.region.height === 480)).toBe(true);

    const last = tiles.at(-1);
    expect(last && last.region.x + last.region.width).toBe(1280);
    expect(last?.innerEdges).toEqual({ left: true, top: true, right: false, bottom: false });
  });

  it('uses one tile row when the tile is taller than the image', () => {
    const tiles = planTiles(2400, 400, [320, 240]);
    // whole scale min(320/2400, 240/400) = 0.1333; tiles 1200x900, step 900:
    // ceil((2400 - 1200) / 900) + 1 = 3 columns at 0, 600, 1200; one row.
    expect(new Set(tiles.map((t) => t.region.y))).toEqual(new Set([0]));
    expect(tiles.map((t) => t.region.x)).toEqual([0, 600, 1200]);
  });
});

describe('tile filters', () => {
  const [tile] = planTiles(1280, 960, [320, 240]).slice(4, 5); // the centre tile

  it('leaves faces on a shared edge to the neighbour', () => {
    if (!tile) throw new Error('no centre tile');
    const onLeft = { x: tile.region.x + 1, y: tile.region.y + 100, width: 30, height: 30 };
    const inside = { x: tile.region.x + 100, y: tile.region.y + 100, width: 30, height: 30 };
    expect(touchesInnerEdge(tile, onLeft, 2)).toBe(true);
    expect(touchesInnerEdge(tile, inside, 2)).toBe(false);
  });

  it('keeps only faces the whole-image pass could have missed', () => {
    if (!tile) throw new Error('no centre tile');
    // whole scale 0.25: a 100 px face is 25 input px (kept), a 160 px one is 40 (dropped).
    expect(smallEnoughForTiles(tile, { x: 0, y: 0, width: 80, height: 100 }, DEFAULT_TILING)).toBe(
      true,
    );
    expect(smallEnoughForTiles(tile, { x: 0, y: 0, width: 120, height: 160 }, DEFAULT_TILING)).toBe(
      false,
    );
  });
});
