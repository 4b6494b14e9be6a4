/**
 * Prints milliseconds per crop for every installed recogniser, one crop per call and
 * eight per call, and the cost of aligning one face per template. Not a test: figures
 * depend on the machine. Run: `npx tsx packages/vision/test/recognize/measure-recognizers.ts`.
 */
import { alignFace } from '../../src/align/align-face';
import { closeAllSessions } from '../../src/runtime/onnx-session';
import { alignedCrops, landmarksOf, lfwImage, loadRgb, openRecognizers } from './fixtures';

const FACES = [
  lfwImage('Aaron_Peirsol', 1),
  lfwImage('Abdullah_Gul', 2),
  lfwImage('Amelie_Mauresmo', 1),
  lfwImage('George_W_Bush', 10),
  lfwImage('Serena_Williams', 2),
  lfwImage('Colin_Powell', 5),
  lfwImage('Gloria_Macapagal_Arroyo', 3),
  lfwImage('Tony_Blair', 7),
];
const ROUNDS = 5;

/** Median over rounds (the machine is shared: the median ignores a busy moment). */
async function msPer(work: () => Promise<unknown> | unknown, items: number): Promise<number> {
  await work(); // warm-up: first runs allocate and pack weights
  const rounds: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const start = process.hrtime.bigint();
    await work();
    rounds.push(Number(process.hrtime.bigint() - start) / 1e6 / items);
  }
  return rounds.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)] as number;
}

async function main(): Promise<void> {
  const cases = await openRecognizers(['rollcall-default', 'buffalo_s_int8']);
  console.log(`recogniser | crops per run | ms/crop at batch 1 | ms/crop at batch 8 | ms/align`);

  for (const c of cases) {
    const crops = await alignedCrops(c, FACES);
    const one = await msPer(async () => {
      for (const crop of crops) await c.recognizer.embed([crop]);
    }, crops.length);
    const eight = await msPer(() => c.recognizer.embed(crops), crops.length);

    const photo = await loadRgb(FACES[0] as string);
    const landmarks = await landmarksOf(c.detector, FACES[0] as string);
    const align = await msPer(() => alignFace(photo, landmarks, c.recognizer.template), 1);

    const row = [c.spec.modelId, c.recognizer.batchSize, one, eight, align];
    console.log(row.map((v) => (typeof v === 'number' && v % 1 ? v.toFixed(2) : v)).join(' | '));
  }
  await closeAllSessions();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
