import type { Box } from '../../geometry/types';

/** When and how a large image is also searched tile by tile at a finer scale. */
export interface TilingOptions {
  /**
   * Tile only when the whole-image pass shrinks the image below this scale (input pixels
   * per source pixel, on the tighter axis). Default 0.5: images larger than about twice
   * the model input (640x480 for RFB-320).
   */
  readonly belowScale: number;
  /** Tiles run at this many times the whole-image scale (capped at 1). Default 2. */
  readonly zoom: number;
  /** Fraction of a tile shared with its neighbour. Default 0.25. */
  readonly overlap: number;
  /**
   * Tile faces are kept only when smaller than this many input pixels at the whole-image
   * scale: larger ones the whole pass finds by itself, and zoomed-in tiles mistake parts
   * of big faces (a chin, a dog's muzzle) for small ones. Default 32 (RFB-320's two finest
   * anchor levels span 10-48 px).
   */
  readonly maxWholeScaleFace: number;
}

export const DEFAULT_TILING: TilingOptions = Object.freeze({
  belowScale: 0.5,
  zoom: 2,
  overlap: 0.25,
  maxWholeScaleFace: 32,
});

/** One tile, and which of its edges lie inside the image (shared with a neighbour). */
export interface Tile {
  readonly region: Box;
  /** Input pixels per source pixel of the whole-image pass (tighter axis). */
  readonly wholeScale: number;
  readonly innerEdges: { left: boolean; top: boolean; right: boolean; bottom: boolean };
}

/**
 * The tiles of a `width` x `height` image for a model input of `inputSize`, or none when
 * the whole-image pass is fine enough. Tiles have the input's aspect ratio (so the stretch
 * onto the input is uniform) and are spread evenly from edge to edge.
 */
export function planTiles(
  width: number,
  height: number,
  inputSize: readonly [number, number],
  options: TilingOptions = DEFAULT_TILING,
): Tile[] {
  const wholeScale = Math.min(inputSize[0] / width, inputSize[1] / height);
  if (wholeScale >= options.belowScale) return [];

  const tileScale = Math.min(1, wholeScale * options.zoom);
  const tileWidth = inputSize[0] / tileScale;
  const tileHeight = inputSize[1] / tileScale;
  const xs = spread(width, tileWidth, options.overlap);
  const ys = spread(height, tileHeight, options.overlap);

  return ys.flatMap((y, row) =>
    xs.map((x, col) => ({
      region: { x, y, width: tileWidth, height: tileHeight },
      wholeScale,
      innerEdges: {
        left: col > 0,
        top: row > 0,
        right: col < xs.length - 1,
        bottom: row < ys.length - 1,
      },
    })),
  );
}

/** Start positions of tiles of `size` covering [0, length] with at least `overlap` shared. */
function spread(length: number, size: number, overlap: number): number[] {
  if (size >= length) return [0];
  const step = size * (1 - overlap);
  const count = Math.ceil((length - size) / step) + 1;
  const last = length - size;
  return Array.from({ length: count }, (_, i) => (count === 1 ? 0 : (last * i) / (count - 1)));
}

/**
 * Whether a box found in a tile touches an edge the tile shares with a neighbour: such a
 * face may be cut in half, and the neighbour (or the whole-image pass) sees it whole.
 */
export function touchesInnerEdge(tile: Tile, box: Box, margin: number): boolean {
  const { region, innerEdges } = tile;
  return (
    (innerEdges.left && box.x <= region.x + margin) ||
    (innerEdges.top && box.y <= region.y + margin) ||
    (innerEdges.right && box.x + box.width >= region.x + region.width - margin) ||
    (innerEdges.bottom && box.y + box.height >= region.y + region.height - margin)
  );
}

/** Whether a face found in a tile is one the tiles are there for (see maxWholeScaleFace). */
export function smallEnoughForTiles(tile: Tile, box: Box, options: TilingOptions): boolean {
  return Math.max(box.width, box.height) * tile.wholeScale < options.maxWholeScaleFace;
}
