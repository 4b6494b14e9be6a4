/**
 * Calibration run, not a test: judges LFW deep-funneled photos with the default pack's
 * detector and prints percentiles of every quality measurement, how many photos each
 * default refuses, and the sharpness of blurred copies measured at the original landmarks.
 * Run: `pnpm exec tsx packages/vision/test/quality/measure-lfw-quality.ts [every]`
 * (every Nth photo in name order; default 5, i.e. 2,364 of 11,817).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

import { decodeImage } from '../../src/image/decode-image';
import type { FaceAssessment } from '../../src/quality/assess-face';
import { checkPhoto } from '../../src/quality/check-photo';
import { faceSharpness } from '../../src/quality/sharpness';
import { DETECTOR_CASES, openCase } from '../detect/support/detectors';
import { dataPath } from '../support/data';

const MEASURES = ['eyeDistance', 'sharpness', 'yaw', 'pitch', 'roll', 'score'] as const;
const BLURS = [1, 2, 3, 6];

async function main(): Promise<void> {
  const every = Number(process.argv[2] ?? 5);
  const files = lfwFiles().filter((_, i) => i % every === 0);
  const detector = await openCase(DETECTOR_CASES[0] as (typeof DETECTOR_CASES)[number]);
  const assessed: FaceAssessment[] = [];
  const refusals = new Map<string, string[]>();
  const blurred = new Map<number, number[]>(BLURS.map((sigma) => [sigma, []]));
  let noFace = 0;

  for (const file of files) {
    const jpeg = readFileSync(file);
    const image = await decodeImage(jpeg);
    const result = checkPhoto(image, await detector.detect(image));
    for (const issue of result.issues) {
      const key = `${issue.code} (${issue.measure})`;
      refusals.set(key, [...(refusals.get(key) ?? []), path.basename(file)]);
    }
    if (result.assessment === undefined || result.face === undefined) {
      noFace++;
      continue;
    }
    assessed.push(result.assessment);
    for (const sigma of BLURS) {
      const copy = await decodeImage(await sharp(jpeg).blur(sigma).jpeg().toBuffer());
      blurred.get(sigma)?.push(faceSharpness(copy, result.face.landmarks));
    }
  }
  await detector.close();

  console.log(`${files.length} LFW photos, ${assessed.length} with a face, ${noFace} without`);
  for (const measure of MEASURES) {
    console.log(`  ${measure.padEnd(12)} ${percentiles(assessed.map((a) => a[measure]))}`);
  }
  for (const [sigma, values] of blurred) {
    console.log(`  sharpness after blur(${sigma}) ${percentiles(values)}`);
  }
  console.log('refused with the default thresholds:');
  for (const [key, names] of refusals) {
    console.log(`  ${key}: ${names.length} (${names.slice(0, 5).join(', ')})`);
  }
}

function lfwFiles(): string[] {
  const root = dataPath('lfw-deepfunneled/images');
  return readdirSync(root)
    .sort()
    .flatMap((person) =>
      readdirSync(path.join(root, person))
        .sort()
        .map((file) => path.join(root, person, file)),
    );
}

function percentiles(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) =>
    (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number).toFixed(1);
  return `min ${at(0)} p1 ${at(0.01)} p5 ${at(0.05)} p50 ${at(0.5)} p99 ${at(0.99)} max ${at(1)}`;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
