import type { DetectedFace } from '@rollcall/vision';
import { pickCentreFace } from '../src/lfw/pick-face';

const at = (x: number, y: number, size: number): DetectedFace => {
  const p = { x: x + size / 2, y: y + size / 2 };
  return { box: { x, y, width: size, height: size }, landmarks: [p, p, p, p, p], score: 0.9 };
};

describe('the LFW centre face', () => {
  it('takes the face whose box covers the centre, nearest centre first', () => {
    const offCentre = at(0, 0, 50);
    const covering = at(70, 70, 100); // centre (120, 120), 7 px from (125, 125)
    const nearer = at(80, 80, 90); // centre (125, 125)
    expect(pickCentreFace([offCentre, covering, nearer], 250, 250)).toBe(nearer);
  });

  it('prefers the larger face when two are equally near', () => {
    const small = at(100, 100, 50);
    const large = at(75, 75, 100);
    expect(pickCentreFace([small, large], 250, 250)).toBe(large);
  });

  it('returns nothing when no box covers the centre', () => {
    expect(pickCentreFace([at(0, 0, 50)], 250, 250)).toBeUndefined();
  });
});
