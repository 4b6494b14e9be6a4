import type { FivePoints, Point } from '../../src/geometry/types';
import { estimatePose } from '../../src/quality/pose';
import { describeIfData } from '../support/data';
import { DLIB_FOLDER, dlibLabelledPhotos } from './dlib-five';

/** InsightFace's ArcFace template: the frontal face the recognisers were trained on. */
const ARCFACE: FivePoints = [
  { x: 38.2946, y: 51.6963 },
  { x: 73.5318, y: 51.5014 },
  { x: 56.0252, y: 71.7366 },
  { x: 41.5493, y: 92.3655 },
  { x: 70.7299, y: 92.2041 },
];

function transform(points: FivePoints, fn: (p: Point) => Point): FivePoints {
  return points.map(fn) as unknown as FivePoints;
}

describe('estimatePose on the frontal template', () => {
  it('reads the template as looking at the lens', () => {
    const pose = estimatePose(ARCFACE);
    expect(Math.abs(pose.yaw)).toBeLessThan(1);
    expect(Math.abs(pose.pitch)).toBeLessThan(1);
    expect(Math.abs(pose.roll)).toBeLessThan(1);
  });

  it('reads an in-plane tilt as roll only, at any scale and place', () => {
    const angle = (25 * Math.PI) / 180;
    const tilted = transform(ARCFACE, ({ x, y }) => ({
      x: 300 + 3 * (x * Math.cos(angle) - y * Math.sin(angle)),
      y: 40 + 3 * (x * Math.sin(angle) + y * Math.cos(angle)),
    }));
    const pose = estimatePose(tilted);
    expect(pose.roll).toBeCloseTo(25, 0);
    expect(Math.abs(pose.yaw)).toBeLessThan(1);
    expect(Math.abs(pose.pitch)).toBeLessThan(1);
  });

  it('reads a nose moved towards one eye as yaw, with a sign that follows it', () => {
    const [le, re, nose, lm, rm] = ARCFACE;
    const right = estimatePose([le, re, { x: nose.x + 10, y: nose.y }, lm, rm]);
    const left = estimatePose([le, re, { x: nose.x - 10, y: nose.y }, lm, rm]);
    expect(right.yaw).toBeGreaterThan(20);
    expect(left.yaw).toBeCloseTo(-right.yaw, 0);
  });

  it('reads a nose moved towards the mouth as pitch down', () => {
    const [le, re, nose, lm, rm] = ARCFACE;
    expect(estimatePose([le, re, { x: nose.x, y: nose.y + 8 }, lm, rm]).pitch).toBeGreaterThan(20);
    expect(estimatePose([le, re, { x: nose.x, y: nose.y - 8 }, lm, rm]).pitch).toBeLessThan(-20);
  });
});

describeIfData('estimatePose on dlib ground-truth landmarks', DLIB_FOLDER, () => {
  const faces = dlibLabelledPhotos().flatMap((photo) => photo.faces);

  it('finds both frontal and clearly turned faces among the labelled ones', () => {
    const yaws = faces.map((f) => Math.abs(estimatePose(f.landmarks).yaw));
    expect(faces.length).toBeGreaterThan(30);
    expect(yaws.filter((y) => y < 10).length).toBeGreaterThan(5);
    expect(Math.max(...yaws)).toBeGreaterThan(40);
  });
});
