/**
 * Measures where the 68-point net puts a face inside the first-pass crop (centroid and RMS
 * spread of the points, as fractions of the crop), averaged over LFW photos. The second
 * landmark pass re-frames each face to this average (ultraface/landmark-crop.ts). LFW is
 * used so that the dlib photos the landmarks are scored on play no part in it.
 * Run: pnpm exec tsx packages/vision/test/detect/calibrate-landmark-crop.ts [count]
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { boxCrop } from '../../src/detect/ultraface/landmark-crop';
import { mean, predict68Mirrored } from '../../src/detect/ultraface/landmark68';
import { runUltrafacePass } from '../../src/detect/ultraface/ultraface-pass';
import { closeAllSessions, openSession } from '../../src/runtime/onnx-session';
import { dataPath } from '../support/data';
import { DETECTOR_CASES } from './support/detectors';
import { loadRgb } from './support/photos';

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 400);
  const spec = DETECTOR_CASES[0]?.spec;
  const files = DETECTOR_CASES[0]?.files;
  if (spec?.kind !== 'ultraface-landmark68' || files === undefined)
    throw new Error('no default pack');

  const boxSession = await openSession(files.get(spec.file) as string);
  const landmarkSession = await openSession(files.get(spec.landmarkFile) as string);
  const pass = {
    session: boxSession,
    inputName: 'input',
    inputSize: spec.inputSize,
    normalisation: spec.normalisation,
    minScore: spec.scoreThreshold,
  };
  const model = { session: landmarkSession, inputName: 'input', inputSize: spec.landmarkInputSize };

  const root = dataPath('lfw-deepfunneled/images');
  const people = readdirSync(root).sort().slice(0, count);
  const centres: { x: number; y: number }[] = [];
  const spreads: number[] = [];
  for (const person of people) {
    const first = readdirSync(path.join(root, person)).sort()[0] as string;
    const image = await loadRgb(path.join(root, person, first));
    const whole = { x: 0, y: 0, width: image.width, height: image.height };
    const best = (await runUltrafacePass(pass, image, whole)).sort((a, b) => b.score - a.score)[0];
    if (best === undefined) continue;

    const crop = boxCrop(best.box);
    const points = (await predict68Mirrored(model, image, crop)).map((p) => ({
      x: (p.x - crop.x) / crop.width,
      y: (p.y - crop.y) / crop.height,
    }));
    const centre = mean(points);
    const sq = points.reduce((s, p) => s + (p.x - centre.x) ** 2 + (p.y - centre.y) ** 2, 0);
    centres.push(centre);
    spreads.push(Math.sqrt(sq / points.length));
  }

  const c = mean(centres);
  const spread = spreads.reduce((a, b) => a + b, 0) / spreads.length;
  console.log(
    `${centres.length} faces: centreX ${c.x.toFixed(4)} centreY ${c.y.toFixed(4)} ` +
      `spread ${spread.toFixed(4)}`,
  );
  await closeAllSessions();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
