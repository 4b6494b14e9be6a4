import type { DetectedFace } from '../../../src/detect/face-detector';

/**
 * What a person checks on an upright face: the eyes, then the nose, then the mouth from
 * top to bottom, image-left points left of image-right ones, all near the box.
 * Returns the reasons a face fails, empty when it passes.
 */
export function implausibleLandmarks(face: DetectedFace): string[] {
  const [leftEye, rightEye, nose, leftMouth, rightMouth] = face.landmarks;
  const { box } = face;
  const reasons: string[] = [];

  if (!(leftEye.x < rightEye.x)) reasons.push('left eye not left of right eye');
  if (!(leftMouth.x < rightMouth.x)) reasons.push('left mouth corner not left of right one');
  const eyesY = (leftEye.y + rightEye.y) / 2;
  const mouthY = (leftMouth.y + rightMouth.y) / 2;
  if (!(eyesY < nose.y && nose.y < mouthY)) reasons.push('not eyes above nose above mouth');

  const marginX = box.width * 0.25;
  const marginY = box.height * 0.25;
  for (const p of face.landmarks) {
    const inside =
      p.x >= box.x - marginX &&
      p.x <= box.x + box.width + marginX &&
      p.y >= box.y - marginY &&
      p.y <= box.y + box.height + marginY;
    if (!inside) reasons.push(`point (${p.x.toFixed(0)}, ${p.y.toFixed(0)}) far from the box`);
  }
  return reasons;
}
