import { decodeYunetLevel } from '../../src/detect/yunet/yunet-decode';

const column = (values: number[]) => ({
  rows: values.length,
  cols: 1,
  data: Float32Array.from(values),
});

describe('decodeYunetLevel', () => {
  // A 64x32 canvas at stride 32: cells (col 0, row 0) and (col 1, row 0).
  const level = {
    stride: 32,
    cls: column([0.2, 0.81]),
    obj: column([0.2, 1.2]), // above 1: clamped, as OpenCV does
    bbox: { rows: 2, cols: 4, data: Float32Array.from([0, 0, 0, 0, 0.5, 0.5, 0, Math.log(2)]) },
    kps: {
      rows: 2,
      cols: 10,
      data: Float32Array.from([
        ...new Array<number>(10).fill(0),
        0.25,
        0.25,
        0.75,
        0.25,
        0.5,
        0.5,
        0.3,
        0.75,
        0.7,
        0.75,
      ]),
    },
  };

  it('scores sqrt(cls * obj) and decodes centre, exp size and keypoints in strides', () => {
    const faces = decodeYunetLevel(level, 64, 32, 0.5);
    expect(faces).toHaveLength(1);
    const [face] = faces;
    expect(face?.score).toBeCloseTo(0.9, 6); // sqrt(0.81 * 1)
    // centre ((1 + 0.5) * 32, 0.5 * 32) = (48, 16); size 32 x 64.
    expect(face?.box.x).toBeCloseTo(32, 4);
    expect(face?.box.y).toBeCloseTo(-16, 4);
    expect(face?.box.width).toBeCloseTo(32, 4);
    expect(face?.box.height).toBeCloseTo(64, 4);
    expect(face?.landmarks[0].x).toBeCloseTo(40, 4); // (1 + 0.25) * 32
    expect(face?.landmarks[2].y).toBeCloseTo(16, 4); // (0 + 0.5) * 32
  });

  it('drops cells below minScore', () => {
    expect(decodeYunetLevel(level, 64, 32, 0.95)).toEqual([]);
    expect(decodeYunetLevel(level, 64, 32, 0.1)).toHaveLength(2);
  });
});
