/**
 * `pnpm exec tsx packages/model-convert/src/quantise/calibrate-main.ts <pack> <modelId> <out>`
 *
 * Calibrates a pack's recogniser for int8 quantisation on faces that are not in LFW: every
 * face the pack's own detector finds in `group-photos/*` and `bbt-face-api-js/*` under
 * `ROLLCALL_DATA_DIR` (default `../shared/data`), aligned as the product aligns them. Writes
 * the per-activation [min, max] as JSON (the file a quantising converter reads) and prints
 * how many faces were used. The photos are read, never copied.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  alignFace,
  closeAllSessions,
  createDetector,
  decodeImage,
  loadPack,
  templateFor,
  toChw,
} from '@rollcall/vision';
import { calibrateRanges } from './calibrate';

const FOLDERS = [
  'group-photos/deepface',
  'group-photos/dlib-examples-faces',
  'group-photos/face_recognition',
  'group-photos/facenet-pytorch',
  'group-photos/insightface',
  'group-photos/vladmandic-face-api-npm',
  'bbt-face-api-js/group',
  ...['amy', 'bernadette', 'howard', 'leonard', 'penny', 'raj', 'sheldon', 'stuart'].map(
    (name) => `bbt-face-api-js/identities/${name}`,
  ),
];

async function main(argv: readonly string[]): Promise<void> {
  const [packName, modelId, out] = argv;
  if (packName === undefined || modelId === undefined || out === undefined) {
    console.error('usage: calibrate-main.ts <pack> <modelId> <out.json>');
    process.exitCode = 2;
    return;
  }
  const pack = await loadPack(packName);
  const spec = pack.manifest.recognizers.find((r) => r.modelId === modelId);
  if (spec === undefined) throw new Error(`${packName} has no recogniser ${modelId}`);
  const detector = await createDetector(pack.manifest.detector, pack.files);
  const [width, height] = spec.inputSize;
  const template = templateFor(spec.template, width, height);
  const dataDir = path.resolve(process.env.ROLLCALL_DATA_DIR ?? '../shared/data');

  const inputs: Float32Array[] = [];
  for (const folder of FOLDERS) {
    const dir = path.join(dataDir, folder);
    for (const file of readdirSync(dir)
      .filter((f) => /\.(jpe?g|png)$/i.test(f))
      .sort()) {
      const image = await decodeImage(readFileSync(path.join(dir, file)));
      for (const face of await detector.detect(image)) {
        const aligned = alignFace(image, face.landmarks, template);
        inputs.push(toChw(aligned.crop, spec.normalisation));
      }
    }
  }
  await detector.close();
  await closeAllSessions();

  const model = readFileSync(pack.files.get(spec.file) as string);
  const ranges = await calibrateRanges(model, inputs, [1, 3, height, width]);
  writeFileSync(out, `${JSON.stringify({ faces: inputs.length, folders: FOLDERS, ranges })}\n`);
  console.log(`${inputs.length} faces, ${Object.keys(ranges).length} activations -> ${out}`);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
