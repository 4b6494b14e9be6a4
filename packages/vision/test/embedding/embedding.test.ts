import { cosineSimilarity } from '../../src/embedding/cosine-similarity';
import {
  decodeEmbedding,
  embeddingFromBase64,
  embeddingToBase64,
  encodeEmbedding,
} from '../../src/embedding/embedding-codec';
import { l2Normalise } from '../../src/embedding/l2-normalise';

const seq = (n: number, f: (i: number) => number) =>
  Float32Array.from({ length: n }, (_, i) => f(i));

describe('l2Normalise', () => {
  it('scales to unit length without changing direction', () => {
    const v = l2Normalise([3, 4]);
    expect(Array.from(v)).toEqual([expect.closeTo(0.6, 7), expect.closeTo(0.8, 7)]);
  });

  it('keeps a zero vector zero', () => {
    expect(Array.from(l2Normalise([0, 0, 0]))).toEqual([0, 0, 0]);
  });
});

describe('cosineSimilarity', () => {
  const a = { modelId: 'm1', vector: l2Normalise(seq(8, (i) => i + 1)) };

  it('is 1 for the same vector, -1 for its opposite, 0 for an orthogonal one', () => {
    expect(cosineSimilarity(a, a)).toBeCloseTo(1, 6);
    expect(cosineSimilarity(a, { modelId: 'm1', vector: a.vector.map((x) => -x) })).toBeCloseTo(
      -1,
      6,
    );
    const x = { modelId: 'm1', vector: Float32Array.from([1, 0]) };
    const y = { modelId: 'm1', vector: Float32Array.from([0, 5]) };
    expect(cosineSimilarity(x, y)).toBe(0);
  });

  it('ignores the norms of vectors that are not normalised', () => {
    const b = { modelId: 'm1', vector: a.vector.map((x) => x * 7) };
    expect(cosineSimilarity(a, b)).toBeCloseTo(1, 6);
  });

  it('refuses embeddings of different models', () => {
    expect(() => cosineSimilarity(a, { ...a, modelId: 'm2' })).toThrow(
      expect.objectContaining({ code: 'EMBEDDING_MODEL_MISMATCH' }),
    );
  });

  it('refuses embeddings of different dimensions', () => {
    expect(() => cosineSimilarity(a, { modelId: 'm1', vector: new Float32Array(4) })).toThrow(
      expect.objectContaining({ code: 'EMBEDDING_DIMENSION_MISMATCH' }),
    );
  });
});

describe('embedding codec', () => {
  const e = {
    modelId: 'faceplugin-fr-feature-512@0.0.1',
    vector: l2Normalise(seq(512, (i) => Math.sin(i))),
  };

  it('round-trips the model id and every float exactly, in binary and base64', () => {
    for (const back of [
      decodeEmbedding(encodeEmbedding(e)),
      embeddingFromBase64(embeddingToBase64(e)),
    ]) {
      expect(back.modelId).toBe(e.modelId);
      expect(Buffer.from(back.vector.buffer).equals(Buffer.from(e.vector.buffer))).toBe(true);
    }
  });

  it('is compact: a 4-byte-aligned header plus 4 bytes per dimension', () => {
    expect(encodeEmbedding(e).length).toBe(36 + 512 * 4); // 4 + 31 bytes of id, padded to 36
  });

  it('decodes from a Buffer slice that does not start at offset 0', () => {
    const bytes = encodeEmbedding(e);
    const shifted = Buffer.concat([Buffer.from([9, 9, 9]), bytes]).subarray(3);
    expect(decodeEmbedding(shifted).vector[100]).toBe(e.vector[100]);
  });

  it('rejects bytes it did not write with EMBEDDING_MALFORMED', () => {
    const bytes = encodeEmbedding(e);
    for (const bad of [Buffer.alloc(0), Buffer.from('hello world'), bytes.subarray(0, 100)]) {
      expect(() => decodeEmbedding(bad)).toThrow(
        expect.objectContaining({ code: 'EMBEDDING_MALFORMED' }),
      );
    }
  });

  it('rejects a model id it cannot store', () => {
    expect(() => encodeEmbedding({ modelId: '', vector: e.vector })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
});
