import { cosineSimilarity } from '../../src/embedding/cosine-similarity';
import type { Embedding } from '../../src/embedding/embedding';
import {
  checkFusionWeights,
  fuseEmbeddings,
  fusedModelId,
} from '../../src/recognize/fuse-embeddings';
import { FusedRecognizer, templateKey } from '../../src/recognize/fused-recognizer';
import { closeAllSessions } from '../../src/runtime/onnx-session';
import { describeIfData } from '../support/data';
import { alignedCrops, lfwImage, openRecognizers, type RecognizerCase } from './fixtures';

/** Deterministic, non-normalised vectors (a sine table), so nothing is hand-picked. */
function wave(n: number, phase: number, modelId: string): Embedding {
  return { modelId, vector: Float32Array.from({ length: n }, (_, i) => 3 * Math.sin(i * phase)) };
}

const PARTS = [
  { modelId: 'a', weight: 0.5 },
  { modelId: 'b', weight: 0.3 },
  { modelId: 'c', weight: 0.2 },
];

describe('fuseEmbeddings', () => {
  it('makes the fused cosine equal the weighted mean of per-model cosines', () => {
    const x = [wave(512, 0.1, 'a'), wave(128, 0.7, 'b'), wave(64, 1.3, 'c')];
    const y = [wave(512, 0.13, 'a'), wave(128, 0.5, 'b'), wave(64, 2.9, 'c')];

    const fused = cosineSimilarity(fuseEmbeddings(x, PARTS), fuseEmbeddings(y, PARTS));
    const weighted = PARTS.reduce(
      (s, p, i) => s + p.weight * cosineSimilarity(x[i] as Embedding, y[i] as Embedding),
      0,
    );

    expect(Math.abs(weighted)).toBeGreaterThan(0.01);
    expect(fused).toBeCloseTo(weighted, 6);
  });

  it('produces a unit vector whose length is the sum of the parts', () => {
    const fused = fuseEmbeddings([wave(8, 1, 'a'), wave(4, 2, 'b'), wave(2, 3, 'c')], PARTS);
    expect(fused.vector).toHaveLength(14);
    expect(Math.hypot(...fused.vector)).toBeCloseTo(1, 6);
  });

  it('names every part and weight in the model id', () => {
    expect(fusedModelId(PARTS)).toBe('fused(a*0.5+b*0.3+c*0.2)');
  });

  it('refuses weights that do not sum to 1, and parts out of order', () => {
    expect(() => checkFusionWeights([{ modelId: 'a', weight: 0.5 }])).toThrow(
      expect.objectContaining({ code: 'PACK_MANIFEST_INVALID' }),
    );
    expect(() => fuseEmbeddings([wave(4, 1, 'b'), wave(4, 1, 'a')], PARTS.slice(0, 2))).toThrow(
      expect.objectContaining({ code: 'EMBEDDING_MODEL_MISMATCH' }),
    );
  });
});

describeIfData('FusedRecognizer on real models', 'lfw-deepfunneled/images', () => {
  let cases: RecognizerCase[] = [];
  afterAll(closeAllSessions);

  beforeAll(async () => {
    cases = await openRecognizers(['rollcall-default', 'buffalo_s_int8']);
  }, 120_000);

  it('fuses real embeddings: the cosine is the weighted mean of per-model cosines', async () => {
    if (cases.length < 2) return console.warn('fewer than two recognisers are installed');
    const faces = [lfwImage('Colin_Powell', 1), lfwImage('Colin_Powell', 9)];
    const weights = cases.map((_, i) => (i === 0 ? 0.7 : 0.3 / (cases.length - 1)));
    const fused = new FusedRecognizer(
      cases.map((c) => c.recognizer),
      weights,
    );

    const crops = new Map<string, Awaited<ReturnType<typeof alignedCrops>>>();
    for (const c of cases)
      crops.set(templateKey(c.recognizer.template), await alignedCrops(c, faces));
    const [a, b] = await fused.embedAligned(crops);

    let weighted = 0;
    for (const [i, c] of cases.entries()) {
      const [x, y] = await c.recognizer.embed(crops.get(templateKey(c.recognizer.template)) ?? []);
      weighted += (weights[i] as number) * cosineSimilarity(x as Embedding, y as Embedding);
    }
    expect(a?.modelId).toBe(fused.modelId);
    expect(fused.dimension).toBe(cases.reduce((n, c) => n + c.spec.embeddingSize, 0));
    expect(cosineSimilarity(a as Embedding, b as Embedding)).toBeCloseTo(weighted, 5);
  });

  it('passes a single recogniser through with its own model id', async () => {
    const [only] = cases;
    if (only === undefined) return console.warn('no recogniser is installed');
    const single = new FusedRecognizer([only.recognizer], [1]);
    const crops = await alignedCrops(only, [lfwImage('Tony_Blair', 1)]);

    const [viaFused] = await single.embedAligned(
      new Map([[templateKey(only.recognizer.template), crops]]),
    );
    const [direct] = await only.recognizer.embed(crops);

    expect(single.modelId).toBe(only.spec.modelId);
    expect(Array.from(viaFused?.vector ?? [])).toEqual(Array.from(direct?.vector ?? []));
  });
});
