import { closeAllSessions } from '../../src/runtime/onnx-session';
import { describeIfData } from '../support/data';
import { alignedCrops, lfwImage, openRecognizers, type RecognizerCase } from './fixtures';

/** Eight LFW faces of eight people, fixed so every run embeds the same crops. */
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

/** Crops per run each file should get: its declared batch dim, or the default cap of 32. */
const EXPECTED_BATCH: Record<string, number> = {
  'fr_feature.onnx': 1, // input declared [1, 3, 112, 112]
  // Input [None, 3, 112, 112], and a batch runs, but dynamic int8 quantisation makes each
  // crop's vector depend on its batch-mates, so it must run alone.
  'mobilefacenet_int8.onnx': 1,
  'dlib_face_recognition_resnet_v1.onnx': 32, // input [N, 3, 150, 150], exact in a batch
};

function norm(v: Float32Array): number {
  return Math.sqrt(v.reduce((s, x) => s + x * x, 0));
}

function maxAbsDiff(a: Float32Array, b: Float32Array): number {
  return a.reduce((m, x, i) => Math.max(m, Math.abs(x - (b[i] as number))), 0);
}

describeIfData('ONNX recognisers on real LFW crops', 'lfw-deepfunneled/images', () => {
  let cases: RecognizerCase[] = [];
  const crops = new Map<RecognizerCase, Awaited<ReturnType<typeof alignedCrops>>>();

  beforeAll(async () => {
    cases = await openRecognizers(['rollcall-default', 'buffalo_s_int8']);
    for (const c of cases) crops.set(c, await alignedCrops(c, FACES));
  }, 120_000);

  afterAll(closeAllSessions);

  it('returns unit vectors of the declared size, tagged with the model id', async () => {
    for (const c of cases) {
      const embeddings = await c.recognizer.embed(crops.get(c) ?? []);

      expect(embeddings).toHaveLength(FACES.length);
      for (const e of embeddings) {
        expect(e.modelId).toBe(c.spec.modelId);
        expect(e.vector).toHaveLength(c.spec.embeddingSize);
        expect(norm(e.vector)).toBeCloseTo(1, 5);
      }
    }
  });

  it('gives the same vectors in one batch as one crop at a time (to 1e-4)', async () => {
    for (const c of cases) {
      const faces = crops.get(c) ?? [];
      const batched = await c.recognizer.embed(faces);
      for (const [i, face] of faces.entries()) {
        const [alone] = await c.recognizer.embed([face]);
        expect(
          maxAbsDiff(batched[i]?.vector as Float32Array, alone?.vector as Float32Array),
        ).toBeLessThan(1e-4);
      }
    }
  });

  it('batches where the model has a free batch dim and batching is exact, else not', async () => {
    for (const c of cases) {
      await c.recognizer.embed(crops.get(c) ?? []);
      console.log(`${c.spec.modelId}: ${c.recognizer.batchSize} crop(s) per run`);
      const expected = EXPECTED_BATCH[c.spec.file];
      if (expected !== undefined) expect(c.recognizer.batchSize).toBe(expected);
    }
  });

  it('falls back to one crop per run when a batched run fails, with the same results', async () => {
    const declaresOne = (c: RecognizerCase) =>
      (c.recognizer as unknown as { batching: { fixedBatch?: number } }).batching.fixedBatch === 1;
    const fixed = cases.find(declaresOne);
    if (fixed === undefined) return console.warn('no recogniser declaring a batch of 1 here');
    const faces = crops.get(fixed) ?? [];
    const expected = await fixed.recognizer.embed(faces);

    // Pretend the file declared a free batch dim: the 8-crop run is then refused by the
    // runtime (the graph is fixed at 1), which is the failure a mislabelled export causes.
    const internals = fixed.recognizer as unknown as { batching: object; batchLimit: number };
    internals.batching = { ...internals.batching, fixedBatch: undefined };
    internals.batchLimit = 32;
    const fallen = await fixed.recognizer.embed(faces);

    expect(fixed.recognizer.batchSize).toBe(1);
    fallen.forEach((e, i) => {
      expect(maxAbsDiff(e.vector, expected[i]?.vector as Float32Array)).toBeLessThan(1e-6);
    });
  });

  it('refuses a crop of the wrong size with INVALID_ARGUMENT', async () => {
    for (const c of cases) {
      const wrong = { width: 10, height: 10, data: new Uint8Array(300) };
      await expect(c.recognizer.embed([wrong])).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    }
  });
});
