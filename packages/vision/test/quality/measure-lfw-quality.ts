/**
 * Calibration run, not a test: assesses LFW deep-funneled photos with the default pack's
 * detector and prints percentiles of every quality measurement, for the originals and for
 * blurred and shrunk copies. Run: `pnpm exec tsx packages/vision/test/quality/measure-lfw-quality.ts [every]`
 * (every Nth image; default 1 = all).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

import { decodeImage } from '../../src/image/decode-image';
import { checkPhoto } from '../../src/quality/check-photo';
import type { FaceAssessment } from '../../src/quality/assess-face';
import { DETECTOR_CASES, openCase } from '../detect/support/detectors';
import { dataPath } from '../support/data';

const MEASURES = ['eyeDistance', 'sharpness', 'yaw', 'pitch', 'roll', 'score'] as const;

async function main(): Promise<void> {
  const every = Number(process.argv[2] ?? 1);
  const root = dataPath('lfw-deepfunneled/images');
  const files = readdirSync(root)
    .sort()
    .flatMap((person) =>
      readdirSync(path.join(root, person))
        .sort()
        .map((f) => path.join(root, person, f)),
    )
    .filter((_, i) => i % every === 0);

  const detector = await openCase(DETECTOR_CASES[0] as (typeof DETECTOR_CASES)[number]);
  const variants: Record<string, (jpeg: Buffer) => Promise<Buffer>> = {
    original: (jpeg) => Promise.resolve(jpeg),
    blur2: (jpeg) => sharp(jpeg).blur(2).jpeg().toBuffer(),
    blur6: (jpeg) => sharp(jpeg).blur(6).jpeg().toBuffer(),
  };
  const found: Record<string, FaceAssessment[]> = {};
  const missed: Record<string, string[]> = {};
  const issues: Record<string, Map<string, string[]>> = {};
  const secondFace: number[] = [];
  const started = Date.now();

  for (const file of files) {
    const jpeg = readFileSync(file);
    for (const [name, make] of Object.entries(variants)) {
      const image = await decodeImage(await make(jpeg));
      const faces = await detector.detect(image);
      const result = checkPhoto(image, faces);
      if (name === 'original' && faces.length > 1) {
        const sizes = faces.map((f) => eyeDistanceOf(f.landmarks)).sort((a, b) => b - a);
        secondFace.push((sizes[1] as number) / (sizes[0] as number));
      }
      if (result.assessment === undefined) (missed[name] ??= []).push(path.basename(file));
      else (found[name] ??= []).push(result.assessment);
      for (const issue of result.issues) {
        const byCode = (issues[name] ??= new Map<string, string[]>());
        byCode.set(issue.measure, [...(byCode.get(issue.measure) ?? []), path.basename(file)]);
      }
    }
  }
  await detector.close();
  secondFace.sort((a, b) => b - a);
  console.log(
    `second face / largest face eye distance, largest first: ${secondFace
      .slice(0, 12)
      .map((r) => r.toFixed(2))
      .join(' ')}`,
  );

  console.log(
    `${files.length} LFW photos, ${((Date.now() - started) / files.length).toFixed(1)} ms each (3 variants)`,
  );
  for (const [name, list] of Object.entries(found)) {
    console.log(`\n${name}: ${list.length} assessed, ${missed[name]?.length ?? 0} without a face`);
    for (const measure of MEASURES) {
      const values = list.map((a) => a[measure]).sort((a, b) => a - b);
      const at = (q: number) =>
        (values[Math.min(values.length - 1, Math.floor(q * values.length))] as number).toFixed(2);
      console.log(
        `  ${measure.padEnd(12)} min ${at(0)} p1 ${at(0.01)} p5 ${at(0.05)} p50 ${at(0.5)} p95 ${at(0.95)} p99 ${at(0.99)} max ${at(1)}`,
      );
    }
    const multi = list.filter((a) => a.faceCount > 1).length;
    console.log(`  photos with more than one face: ${multi}`);
    for (const [measure, names] of issues[name] ?? []) {
      console.log(`  refused on ${measure}: ${names.length} (${names.slice(0, 6).join(', ')})`);
    }
  }
}

function eyeDistanceOf(landmarks: readonly { x: number; y: number }[]): number {
  const [a, b] = landmarks as [{ x: number; y: number }, { x: number; y: number }];
  return Math.hypot(a.x - b.x, a.y - b.y);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
