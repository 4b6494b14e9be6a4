import type { FivePoints } from '@rollcall/vision';

/**
 * Where the five landmarks sit in a 250x250 LFW deep-funneled image, for the images in
 * which no face is detected over the centre: deep funnelling aligns every face to the same
 * frame, so a fixed set of points gives a usable crop and every pair still gets a score.
 * The values are the mean of the landmarks the default pack's detector found on the LFW
 * View 2 images (see docs/decisions/default-pack.md), scaled to the image size.
 */
const DEEP_FUNNELED_250: FivePoints = [
  { x: 104.4, y: 113.3 },
  { x: 145.5, y: 113.0 },
  { x: 125.4, y: 137.7 },
  { x: 108.4, y: 158.2 },
  { x: 142.5, y: 157.9 },
];

export function fallbackLandmarks(width: number, height: number): FivePoints {
  const sx = width / 250;
  const sy = height / 250;
  const [a, b, c, d, e] = DEEP_FUNNELED_250.map((p) => ({ x: p.x * sx, y: p.y * sy }));
  return [a, b, c, d, e] as unknown as FivePoints;
}
