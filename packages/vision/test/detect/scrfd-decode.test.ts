import { decodeScrfdLevel } from '../../src/detect/scrfd/scrfd-decode';
import { scrfdLevels } from '../../src/detect/scrfd/scrfd-outputs';
import { isRollcallError } from '@rollcall/errors';

const matrix = (cols: number, rows: number[][]) => ({
  rows: rows.length,
  cols,
  data: Float32Array.from(rows.flat()),
});

describe('SCRFD output layout', () => {
  it('reads numbered outputs as scores, then boxes, then keypoints, fine to coarse', () => {
    const names = ['443', '468', '493', '446', '471', '496', '449', '474', '499'];
    expect(scrfdLevels(names)).toEqual([
      { stride: 8, score: '443', bbox: '446', kps: '449' },
      { stride: 16, score: '468', bbox: '471', kps: '474' },
      { stride: 32, score: '493', bbox: '496', kps: '499' },
    ]);
  });

  it('reads named outputs by stride whatever their order', () => {
    const names = ['bbox_32', 'score_16', 'score_8', 'kps_8', 'score_32'].concat([
      'bbox_8',
      'bbox_16',
      'kps_16',
      'kps_32',
    ]);
    expect(scrfdLevels(names).map((l) => [l.stride, l.score, l.bbox, l.kps])).toEqual([
      [8, 'score_8', 'bbox_8', 'kps_8'],
      [16, 'score_16', 'bbox_16', 'kps_16'],
      [32, 'score_32', 'bbox_32', 'kps_32'],
    ]);
  });

  it('refuses a model without keypoints with a coded error', () => {
    expect.assertions(1);
    try {
      scrfdLevels(['a', 'b', 'c', 'd', 'e', 'f']);
    } catch (err) {
      expect(isRollcallError(err, 'MODEL_OUTPUT_UNEXPECTED')).toBe(true);
    }
  });
});

describe('decodeScrfdLevel', () => {
  // A 64x32 canvas at stride 32 has 2x1 cells, two anchors each: rows 0-1 are cell (0, 0),
  // rows 2-3 are cell (col 1, row 0) whose anchor point is (32, 0).
  const scores = matrix(1, [[0.1], [0.2], [0.3], [0.9]]);
  const boxes = matrix(4, [
    [0, 0, 0, 0],
    [0, 0, 0, 0],
    [0, 0, 0, 0],
    [0.5, 0.25, 1, 2],
  ]);
  const kps = matrix(10, [
    new Array<number>(10).fill(0),
    new Array<number>(10).fill(0),
    new Array<number>(10).fill(0),
    [0.1, 0.2, 0.3, 0.2, 0.2, 0.5, 0.1, 0.8, 0.3, 0.8],
  ]);

  it('turns distances in strides into a box and keypoints around the anchor point', () => {
    const faces = decodeScrfdLevel({ stride: 32, scores, boxes, kps }, 64, 32, 0.5);
    expect(faces).toHaveLength(1);
    const [face] = faces;
    // x1 = 32 - 0.5*32 = 16, y1 = 0 - 0.25*32 = -8, x2 = 32 + 32 = 64, y2 = 0 + 64 = 64.
    expect(face?.box).toEqual({ x: 16, y: -8, width: 48, height: 72 });
    expect(face?.score).toBeCloseTo(0.9, 6);
    expect(face?.landmarks[0].x).toBeCloseTo(32 + 0.1 * 32, 4);
    expect(face?.landmarks[0].y).toBeCloseTo(0.2 * 32, 4);
    expect(face?.landmarks[4].x).toBeCloseTo(32 + 0.3 * 32, 4);
  });

  it('keeps every anchor at or above minScore', () => {
    const faces = decodeScrfdLevel({ stride: 32, scores, boxes, kps }, 64, 32, 0.2);
    expect(faces.map((f) => Math.round(f.score * 10))).toEqual([2, 3, 9]);
  });

  it('refuses rows that do not fit the grid', () => {
    expect(() => decodeScrfdLevel({ stride: 16, scores, boxes, kps }, 64, 32, 0.5)).toThrow(/rows/);
  });
});
