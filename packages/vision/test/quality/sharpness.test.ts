import { readFileSync } from 'node:fs';
import sharp from 'sharp';

import type { DetectedFace } from '../../src/detect/face-detector';
import type { FivePoints } from '../../src/geometry/types';
import { decodeImage } from '../../src/image/decode-image';
import { faceSharpness } from '../../src/quality/sharpness';
import { DEFAULT_QUALITY_THRESHOLDS } from '../../src/quality/quality-thresholds';
import { describeIfData } from '../support/data';
import { DLIB_FOLDER, dlibLabelledPhotos } from './dlib-five';

function eyeDistance(face: DetectedFace): number {
  const [a, b] = face.landmarks;
  return Math.hypot(a.x - b.x, a.y - b.y);
}

/** Where the same points lie after the image is scaled by `k` (pixel centres kept). */
function scaled(points: FivePoints, k: number): FivePoints {
  return points.map((p) => ({
    x: (p.x + 0.5) * k - 0.5,
    y: (p.y + 0.5) * k - 0.5,
  })) as unknown as FivePoints;
}

describeIfData('faceSharpness on dlib-labelled faces', DLIB_FOLDER, () => {
  // Faces at least 20 px between the eyes: the size enrollment accepts.
  const labelled = dlibLabelledPhotos().flatMap((photo) =>
    photo.faces.filter((f) => eyeDistance(f) >= 20).map((face) => ({ file: photo.file, face })),
  );

  it('has enough large labelled faces to measure', () => {
    expect(labelled.length).toBeGreaterThanOrEqual(10);
  });

  it('falls as the photo is blurred more, and a sigma-6 blur fails the default', async () => {
    for (const { file, face } of labelled) {
      const jpeg = readFileSync(file);
      const scores: number[] = [];
      for (const sigma of [0, 1, 2, 6]) {
        const bytes = sigma === 0 ? jpeg : await sharp(jpeg).blur(sigma).png().toBuffer();
        scores.push(faceSharpness(await decodeImage(bytes), face.landmarks));
      }
      const [sharpest, ...rest] = scores as [number, ...number[]];
      expect(rest.every((s, i) => s < (i === 0 ? sharpest : (rest[i - 1] as number)))).toBe(true);
      expect(rest[2]).toBeLessThan(DEFAULT_QUALITY_THRESHOLDS.minSharpness);
    }
  });

  it('hardly changes when the same photo is enlarged', async () => {
    const { file, face } = labelled.sort((a, b) => eyeDistance(b.face) - eyeDistance(a.face))[0]!;
    const jpeg = readFileSync(file);
    const original = await decodeImage(jpeg);
    const base = faceSharpness(original, face.landmarks);

    for (const k of [2, 3]) {
      const big = await sharp(jpeg)
        .resize(original.width * k, original.height * k, { kernel: 'lanczos3' })
        .png()
        .toBuffer();
      const score = faceSharpness(await decodeImage(big), scaled(face.landmarks, k));
      expect(Math.abs(score - base) / base).toBeLessThan(0.25);
    }
  });
});
