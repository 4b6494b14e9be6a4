/**
 * Prints the five-point landmark error of every detector against dlib's 68-point
 * annotations of its example photos: the mean distance between predicted and annotated
 * points (the five reduced from the 68 the same way as the default pack does), over the
 * annotated inter-ocular distance, for faces matched at IoU >= 0.3.
 * Run: pnpm exec tsx packages/vision/test/detect/measure-landmarks.ts
 */
import path from 'node:path';
import { createDetector } from '../../src/detect/create-detector';
import { fivePointsFrom68 } from '../../src/detect/ultraface/landmark68';
import { iou } from '../../src/geometry/iou';
import type { Point } from '../../src/geometry/types';
import { closeAllSessions } from '../../src/runtime/onnx-session';
import { dataPath } from '../support/data';
import { caseAvailable, DETECTOR_CASES, type DetectorCase } from './support/detectors';
import { loadRgb, readDlibXml } from './support/photos';

const DLIB = dataPath('group-photos/dlib-examples-faces');

async function main(): Promise<void> {
  const truth = new Map([
    ...readDlibXml(path.join(DLIB, 'training_with_face_landmarks.xml')),
    ...readDlibXml(path.join(DLIB, 'testing_with_face_landmarks.xml')),
  ]);
  const images = await Promise.all(
    [...truth.keys()].map(async (file) => ({ file, image: await loadRgb(path.join(DLIB, file)) })),
  );

  const [defaultPack, ...others] = DETECTOR_CASES as [DetectorCase, ...DetectorCase[]];
  const ultrafaceVariants = ([1, 2] as const).flatMap((landmarkPasses) =>
    [false, true].map((mirrorLandmarks) => ({
      name: `${defaultPack.name}, ${landmarkPasses} pass(es)${mirrorLandmarks ? ' + mirror' : ''}`,
      c: defaultPack,
      ultraface: { landmarkPasses, mirrorLandmarks },
    })),
  );
  const variants = [
    ...ultrafaceVariants,
    ...others.map((c) => ({ name: c.name, c, ultraface: {} })),
  ];

  for (const { name, c, ultraface } of variants) {
    if (!caseAvailable(c)) continue;
    const detector = await createDetector(c.spec, c.files, undefined, { ultraface });

    const errors: number[] = [];
    let missed = 0;
    let ms = 0;
    await detector.detect(images[0]!.image); // warm-up
    for (const { file, image } of images) {
      const started = performance.now();
      const faces = await detector.detect(image);
      ms += (performance.now() - started) / images.length;
      for (const face of truth.get(file) ?? []) {
        const match = faces.find((f) => iou(f.box, face.box) >= 0.3);
        if (match === undefined || face.parts.length !== 68) {
          missed += 1;
          continue;
        }
        const expected = fivePointsFrom68(face.parts);
        const interOcular = distance(expected[0], expected[1]);
        const sum = match.landmarks.reduce((s, p, k) => s + distance(p, expected[k] as Point), 0);
        errors.push(sum / 5 / interOcular);
      }
    }
    errors.sort((a, b) => a - b);
    const meanError = errors.reduce((a, b) => a + b, 0) / errors.length;
    const median = errors[Math.floor(errors.length / 2)] ?? NaN;
    console.log(
      `${name}: NME mean ${(100 * meanError).toFixed(2)}%, median ${(100 * median).toFixed(2)}%, ` +
        `worst ${(100 * (errors.at(-1) ?? NaN)).toFixed(1)}% over ${errors.length} faces` +
        (missed > 0 ? ` (${missed} unmatched)` : '') +
        `; ${ms.toFixed(0)} ms/img`,
    );
  }
  await closeAllSessions();
}

function distance(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
