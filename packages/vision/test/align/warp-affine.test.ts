import type { FivePoints, Point } from '../../src/geometry/types';
import type { RgbImage } from '../../src/image/rgb-image';
import { applyAffine } from '../../src/align/affine';
import { alignFace } from '../../src/align/align-face';
import { ALIGNMENT_TEMPLATES } from '../../src/align/templates';
import { warpAffine } from '../../src/align/warp-affine';
import { describeIfData, dataPath } from '../support/data';
import { loadRgb } from '../recognize/fixtures';

const PHOTO = 'lfw-deepfunneled/images/Aaron_Peirsol/Aaron_Peirsol_0001.jpg';

/** Five points where a deep-funnelled LFW face has its features (roughly; any would do). */
const POINTS: FivePoints = [
  { x: 104, y: 114 },
  { x: 146, y: 113 },
  { x: 125, y: 138 },
  { x: 108, y: 160 },
  { x: 143, y: 159 },
];

/** A copy of `image` with a 5x5 square of `value` centred on each point. */
function withMarkers(image: RgbImage, points: readonly Point[], value: number): RgbImage {
  const data = new Uint8Array(image.data);
  for (const p of points) {
    for (let y = p.y - 2; y <= p.y + 2; y++) {
      data.fill(value, (y * image.width + p.x - 2) * 3, (y * image.width + p.x + 3) * 3);
    }
  }
  return { ...image, data };
}

/**
 * Where a marker ended up in a warp: the centroid, in a window around `near`, of the
 * difference between the photo warped with white markers and with black ones. Bilinear
 * sampling is linear, so the difference is the warped marker alone, whatever the photo.
 */
function markerCentre(white: RgbImage, black: RgbImage, near: Point): Point {
  let sum = 0;
  let x = 0;
  let y = 0;
  for (let py = Math.round(near.y) - 8; py <= Math.round(near.y) + 8; py++) {
    for (let px = Math.round(near.x) - 8; px <= Math.round(near.x) + 8; px++) {
      const at = (py * black.width + px) * 3;
      const w = (white.data[at] as number) - (black.data[at] as number);
      sum += w;
      x += w * px;
      y += w * py;
    }
  }
  return { x: x / sum, y: y / sum };
}

describeIfData('warpAffine on a real photo', PHOTO, () => {
  it('carries each landmark to where the matrix maps it, within a pixel', async () => {
    const photo = await loadRgb(dataPath(PHOTO));
    const template = ALIGNMENT_TEMPLATES['arcface-112'];

    const aligned = alignFace(photo, POINTS, template);
    const { width, height } = template;
    const white = warpAffine(withMarkers(photo, POINTS, 255), aligned.matrix, width, height);
    const black = warpAffine(withMarkers(photo, POINTS, 0), aligned.matrix, width, height);

    POINTS.forEach((p, i) => {
      const expected = applyAffine(aligned.matrix, p);
      const found = markerCentre(white, black, expected);
      // Rounding each sample to 8 bits is the only error left: far under a pixel.
      expect(Math.hypot(found.x - expected.x, found.y - expected.y)).toBeLessThan(0.1);

      // And the mapped landmark sits near its template point (the rest is face shape).
      const target = template.points[i] as Point;
      expect(Math.hypot(expected.x - target.x, expected.y - target.y)).toBeLessThan(6);
    });
  });

  it('leaves the image unchanged under the identity', async () => {
    const photo = await loadRgb(dataPath(PHOTO));
    const same = warpAffine(photo, [1, 0, 0, 0, 1, 0], photo.width, photo.height);
    expect(Buffer.from(same.data).equals(Buffer.from(photo.data))).toBe(true);
  });
});
