import type { DetectedFace } from '@rollcall/vision';

/**
 * LFW labels the face that covers the image's centre pixel. Of the detected faces whose
 * box contains the centre, the one whose box centre is nearest wins (the larger on a tie);
 * undefined when no box contains it.
 */
export function pickCentreFace(
  faces: readonly DetectedFace[],
  width: number,
  height: number,
): DetectedFace | undefined {
  const cx = width / 2;
  const cy = height / 2;
  let best: DetectedFace | undefined;
  let bestDistance = Infinity;

  for (const face of faces) {
    const { x, y, width: w, height: h } = face.box;
    if (cx < x || cx > x + w || cy < y || cy > y + h) continue;
    const distance = Math.hypot(x + w / 2 - cx, y + h / 2 - cy);
    const area = w * h;
    const bestArea = best === undefined ? 0 : best.box.width * best.box.height;
    if (distance < bestDistance || (distance === bestDistance && area > bestArea)) {
      best = face;
      bestDistance = distance;
    }
  }
  return best;
}
