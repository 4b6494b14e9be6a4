/**
 * `pnpm eval:detect -- [--data DIR] [--pack NAME] [--json]`
 *
 * Detection recall and precision at IoU 0.5 on dlib's example faces (testing.xml and
 * training.xml of `group-photos/dlib-examples-faces`), ms per image, and the number of
 * faces found on dogs.jpg (there are none).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isRollcallError } from '@rollcall/errors';
import {
  closeAllSessions,
  inferenceOptionsFromSettings,
  loadPack,
  createDetector,
  decodeImage,
} from '@rollcall/vision';
import { lastValue, parseArgs } from '../cli/args';
import { defaultDataDir } from '../settings';
import { readDlibXml } from './dlib-xml';
import { addCounts, matchBoxes, type MatchCounts } from './match-boxes';

const SETS = ['testing.xml', 'training.xml'] as const;
const NONE: MatchCounts = { truePositives: 0, falsePositives: 0, faces: 0 };

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), { values: ['data', 'pack'], switches: ['json'] });
  const dir = path.resolve(
    lastValue(args, 'data') ?? path.join(defaultDataDir(), 'group-photos', 'dlib-examples-faces'),
  );
  const pack = await loadPack(lastValue(args, 'pack') ?? 'rollcall-default');
  const detector = await createDetector(
    pack.manifest.detector,
    pack.files,
    inferenceOptionsFromSettings(),
  );

  let detectMs = 0;
  let images = 0;
  const detect = async (file: string) => {
    const image = await decodeImage(await readFile(path.join(dir, file)));
    const start = process.hrtime.bigint();
    const faces = await detector.detect(image);
    detectMs += Number(process.hrtime.bigint() - start) / 1e6;
    images++;
    return faces;
  };

  const perSet: Record<string, MatchCounts> = {};
  try {
    for (const set of SETS) {
      let counts = NONE;
      for (const image of readDlibXml(path.join(dir, set))) {
        counts = addCounts(counts, matchBoxes(await detect(image.file), image.boxes));
      }
      perSet[set] = counts;
    }
    perSet.overall = SETS.reduce((sum, s) => addCounts(sum, perSet[s] as MatchCounts), NONE);
    const dogs = (await detect('dogs.jpg')).length;
    report(pack.manifest.name, perSet, dogs, detectMs / images, args.switches.has('json'));
  } finally {
    await detector.close();
    await closeAllSessions();
  }
}

function report(
  pack: string,
  perSet: Record<string, MatchCounts>,
  dogs: number,
  ms: number,
  json: boolean,
) {
  const rates = (c: MatchCounts) => ({
    recall: c.faces === 0 ? 0 : c.truePositives / c.faces,
    precision:
      c.truePositives + c.falsePositives === 0
        ? 1
        : c.truePositives / (c.truePositives + c.falsePositives),
    ...c,
  });
  console.log(`detector of pack ${pack}, IoU >= 0.5, dlib example faces`);
  for (const [set, counts] of Object.entries(perSet)) {
    const r = rates(counts);
    console.log(
      `  ${set.padEnd(13)} recall ${(100 * r.recall).toFixed(1)}% ` +
        `(${r.truePositives}/${r.faces})  ` +
        `precision ${(100 * r.precision).toFixed(1)}% (${r.falsePositives} false)`,
    );
  }
  console.log(`  dogs.jpg faces: ${dogs} (should be 0)`);
  console.log(`  ${ms.toFixed(1)} ms per image (detection only, decode excluded)`);
  if (json) {
    const sets = Object.fromEntries(
      Object.entries(perSet).map(([k, v]) => [k.replace('.xml', ''), rates(v)]),
    );
    console.log(JSON.stringify({ pack, ...sets, dogs, ms_per_image: Math.round(ms * 100) / 100 }));
  }
}

main().catch((err: unknown) => {
  console.error(isRollcallError(err) ? `${err.code}: ${err.message}` : err);
  process.exitCode = 1;
});
