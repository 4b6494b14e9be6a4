import { ALIGNMENT_TEMPLATES, templateFor } from '../../src/align/templates';

describe('alignment templates', () => {
  it('derives the dlib-150 chip from the mean face with 0.25 padding', () => {
    const [leftEye, rightEye, nose, leftMouth, rightMouth] = ALIGNMENT_TEMPLATES['dlib-150'].points;

    // (0.25 + p) / 1.5 * 150 = 100 * (0.25 + p), with p from dlib's mean face.
    expect(leftEye.x).toBeCloseTo(100 * (0.25 + 1.352951 / 6), 6);
    expect(leftEye.y).toBeCloseTo(100 * (0.25 + 1.295942 / 6), 6);
    expect(rightEye.x).toBeCloseTo(100 * (0.25 + 4.528568 / 6), 6);
    expect(nose).toEqual({ x: expect.closeTo(74.0127, 4), y: expect.closeTo(76.5625, 4) });
    expect(leftMouth.y).toBeCloseTo(rightMouth.y, 9);

    // The mean face is symmetric about x = 0.490127, to 1e-5, so the chip's axis is at x = 74.01.
    expect((leftEye.x + rightEye.x) / 2).toBeCloseTo(nose.x, 3);
    expect((leftMouth.x + rightMouth.x) / 2).toBeCloseTo(nose.x, 3);
  });

  it('scales a template to another crop size', () => {
    const t = templateFor('arcface-112', 224, 224);
    expect(t.width).toBe(224);
    expect(t.points[0]).toEqual({ x: 38.2946 * 2, y: 51.6963 * 2 });
    expect(templateFor('arcface-112', 112, 112)).toBe(ALIGNMENT_TEMPLATES['arcface-112']);
  });
});
