/**
 * Prints recall and precision on dlib's example face boxes, faces found on the other test
 * photos and milliseconds per image, for every detector whose files are present.
 * Run: pnpm exec tsx packages/vision/test/detect/measure-detectors.ts
 */
import path from 'node:path';
import { closeAllSessions } from '../../src/runtime/onnx-session';
import { dataPath } from '../support/data';
import { caseAvailable, DETECTOR_CASES, openCase } from './support/detectors';
import { countMatches } from './support/matching';
import { loadRgb, readDlibXml } from './support/photos';

const DLIB = dataPath('group-photos/dlib-examples-faces');
const SAMPLES = dataPath('group-photos/vladmandic-face-api-npm');

async function main(): Promise<void> {
  const truth = new Map([
    ...readDlibXml(path.join(DLIB, 'training.xml')),
    ...readDlibXml(path.join(DLIB, 'testing.xml')),
  ]);
  const dlibImages = await Promise.all(
    [...truth.keys()].map(async (file) => ({ file, image: await loadRgb(path.join(DLIB, file)) })),
  );
  const others = await Promise.all(
    [
      ...[1, 2, 3, 4, 5, 6].map((n) => path.join(SAMPLES, `sample${n}.jpg`)),
      path.join(DLIB, 'Tom_Cruise_avp_2014_4.jpg'),
      path.join(DLIB, 'dogs.jpg'),
      path.join(DLIB, 'bald_guys.jpg'),
    ].map(async (file) => ({ file: path.basename(file), image: await loadRgb(file) })),
  );

  for (const c of DETECTOR_CASES) {
    if (!caseAvailable(c)) {
      console.log(`${c.name}: skipped, files absent under ${c.folder}`);
      continue;
    }
    const detector = await openCase(c);
    await detector.detect(dlibImages[0]!.image); // warm-up: first run optimises the graph

    let matched = 0;
    let found = 0;
    let total = 0;
    const started = performance.now();
    for (const { file, image } of dlibImages) {
      const faces = await detector.detect(image);
      const boxes = truth.get(file)!.map((f) => f.box);
      matched += countMatches(
        boxes,
        faces.map((f) => f.box),
        0.5,
      );
      found += faces.length;
      total += boxes.length;
    }
    const dlibMs = (performance.now() - started) / dlibImages.length;

    const counts: string[] = [];
    const startedOthers = performance.now();
    for (const { file, image } of others) {
      counts.push(`${file.replace('.jpg', '')}=${(await detector.detect(image)).length}`);
    }
    const othersMs = (performance.now() - startedOthers) / others.length;

    console.log(
      `${c.name}: dlib recall ${matched}/${total} = ${pct(matched, total)}, precision ` +
        `${matched}/${found} = ${pct(matched, found)}, ${dlibMs.toFixed(1)} ms/img (500 px); ` +
        `${counts.join(' ')}; ${othersMs.toFixed(1)} ms/img (large)`,
    );
  }
  await closeAllSessions();
}

function pct(a: number, b: number): string {
  return b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}%`;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
