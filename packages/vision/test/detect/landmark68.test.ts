import { fivePointsFrom68 } from '../../src/detect/ultraface/landmark68';
import { MIRROR_68 } from '../../src/detect/ultraface/mirror68';
import { recentredCrop, CANONICAL_FRAMING } from '../../src/detect/ultraface/landmark-crop';

describe('68-point helpers', () => {
  it('mirrors every point onto its partner and back', () => {
    expect(MIRROR_68).toHaveLength(68);
    expect(new Set(MIRROR_68).size).toBe(68);
    MIRROR_68.forEach((partner, i) => expect(MIRROR_68[partner]).toBe(i));
    // Eye corners, mouth corners and the jaw ends swap; the nose tip stays.
    expect([MIRROR_68[36], MIRROR_68[48], MIRROR_68[0], MIRROR_68[30]]).toEqual([45, 54, 16, 30]);
  });

  it('reduces 68 points to eye centres, nose tip and mouth corners', () => {
    const points = Array.from({ length: 68 }, (_, i) => ({ x: i, y: 2 * i }));
    const [leftEye, rightEye, nose, leftMouth, rightMouth] = fivePointsFrom68(points);
    expect(leftEye).toEqual({ x: 38.5, y: 77 }); // mean of 36..41
    expect(rightEye).toEqual({ x: 44.5, y: 89 }); // mean of 42..47
    expect(nose).toEqual({ x: 30, y: 60 });
    expect(leftMouth).toEqual({ x: 48, y: 96 });
    expect(rightMouth).toEqual({ x: 54, y: 108 });
  });

  it('re-frames a face so its points land where the net puts them on average', () => {
    // Points spread evenly on a circle of radius r around (100, 200): RMS spread r.
    const r = 28;
    const points = Array.from({ length: 68 }, (_, i) => ({
      x: 100 + r * Math.cos((2 * Math.PI * i) / 68),
      y: 200 + r * Math.sin((2 * Math.PI * i) / 68),
    }));
    const crop = recentredCrop(points);
    const side = r / CANONICAL_FRAMING.spread;
    expect(crop.width).toBeCloseTo(side, 6);
    expect(crop.height).toBeCloseTo(side, 6);
    expect((100 - crop.x) / side).toBeCloseTo(CANONICAL_FRAMING.centreX, 6);
    expect((200 - crop.y) / side).toBeCloseTo(CANONICAL_FRAMING.centreY, 6);
  });
});
