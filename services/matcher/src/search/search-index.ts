import { RollcallError } from '@rollcall/errors';
import { l2Normalise } from '@rollcall/vision';

import { paddedDimension } from './kernels/dot-kernels';
import { PersonSlots } from './person-slots';
import { quantise } from './quantise';
import { RowStore } from './row-store';
import type { Candidate, SearchOptions } from './search-types';
import { topIndices, topScaledRows } from './top-k';

/** How a search index is sized. */
export interface SearchIndexOptions {
  /** Queries scored per scan of the matrix; larger batches are split. Default 32. */
  readonly maxBatch?: number;
}

/**
 * Every sample of every person as rows of one contiguous matrix (L2-normalised float32,
 * plus an int8 copy with a scale per row), searched exhaustively: each query is scored
 * against every row, each person keeps the score of their best sample, and the best `k`
 * persons are returned. Exact search is affordable here (100k people x 512 floats is one
 * 200 MB scan) and needs no training, so an edit is visible to the very next query.
 */
export class SearchIndex {
  readonly paddedDim: number;
  private readonly f32: RowStore;
  private readonly i8: RowStore;
  private readonly slots = new PersonSlots();
  private readonly rowOf = new Map<string, number>();
  private rowKey: string[] = [];
  private rowSlot = new Int32Array(1024);
  private rowScale = new Float32Array(1024);

  constructor(
    readonly dim: number,
    options: SearchIndexOptions = {},
  ) {
    const maxBatch = options.maxBatch ?? 32;
    this.paddedDim = paddedDimension(dim);
    this.f32 = new RowStore('f32', this.paddedDim, maxBatch);
    this.i8 = new RowStore('i8', this.paddedDim, maxBatch);
  }

  get samples(): number {
    return this.f32.count;
  }

  get people(): number {
    return this.slots.people;
  }

  /** Bytes one single-query scan reads, per precision. */
  get scanBytes(): { f32: number; i8: number } {
    return { f32: this.f32.rowBytes, i8: this.i8.rowBytes };
  }

  has(personId: string, sampleId: string): boolean {
    return this.rowOf.has(sampleKey(personId, sampleId));
  }

  /** Adds (or replaces) one sample; the vector is normalised here. */
  add(personId: string, sampleId: string, vector: Float32Array): void {
    const key = sampleKey(personId, sampleId);
    if (this.rowOf.has(key)) this.remove(personId, sampleId);

    const row = this.padded(vector);
    const { codes, scale } = quantise(row);
    const index = this.f32.append(row);
    this.i8.append(codes);
    this.growRowArrays(index + 1);
    this.rowKey[index] = key;
    this.rowSlot[index] = this.slots.acquire(personId);
    this.rowScale[index] = scale;
    this.rowOf.set(key, index);
  }

  /** Removes one sample; false when it was not there. */
  remove(personId: string, sampleId: string): boolean {
    const key = sampleKey(personId, sampleId);
    const row = this.rowOf.get(key);
    if (row === undefined) return false;

    this.slots.release(this.rowSlot[row] as number);
    const last = this.f32.count - 1;
    this.f32.removeBySwap(row);
    this.i8.removeBySwap(row);
    this.rowOf.delete(key);
    if (row !== last) {
      const moved = this.rowKey[last] as string;
      this.rowKey[row] = moved;
      this.rowSlot[row] = this.rowSlot[last] as number;
      this.rowScale[row] = this.rowScale[last] as number;
      this.rowOf.set(moved, row);
    }
    this.rowKey.length = last;
    return true;
  }

  /** The best `k` persons for each query, best first. */
  search(queries: readonly Float32Array[], options: SearchOptions = {}): Candidate[][] {
    const k = options.k ?? 5;
    const results: Candidate[][] = [];
    for (let at = 0; at < queries.length; at += this.f32.maxBatch) {
      const batch = queries.slice(at, at + this.f32.maxBatch).map((q) => this.padded(q));
      const found =
        options.precision === 'i8'
          ? this.searchInt8(batch, k, options.rescoreRows ?? 64)
          : this.searchExact(batch, k);
      results.push(...found);
    }
    return results;
  }

  private searchExact(batch: Float32Array[], k: number): Candidate[][] {
    const rows = this.f32.count;
    const scores = this.f32.score(batch);
    return batch.map((_, j) => this.bestPersons(scores.subarray(j * rows, (j + 1) * rows), k));
  }

  /** Keeps the best rows by int8 score, rescored exactly, then the best persons of those. */
  private searchInt8(batch: Float32Array[], k: number, rescoreRows: number): Candidate[][] {
    const rows = this.i8.count;
    const quantised = batch.map((q) => quantise(q));
    const ints = this.i8.score(quantised.map((q) => q.codes)) as Int32Array;

    // The query's own scale is the same for every row, so rows rank by int score x row scale.
    const keep = Math.max(rescoreRows, k);
    const shortlists = quantised.map((_, j) =>
      topScaledRows(ints, j * rows, rows, this.rowScale, keep),
    );
    return shortlists.map((rowsKept, j) => this.rescore(batch[j] as Float32Array, rowsKept, k));
  }

  private rescore(query: Float32Array, rowsKept: number[], k: number): Candidate[] {
    const best = new Map<number, number>();
    for (const row of rowsKept) {
      const exact = dot(this.f32.row(row) as Float32Array, query);
      const slot = this.rowSlot[row] as number;
      if (exact > (best.get(slot) ?? -Infinity)) best.set(slot, exact);
    }
    return [...best]
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .map(([slot, score]) => ({ personId: this.slots.personAt(slot) as string, score }));
  }

  private bestPersons(scores: Float32Array | Int32Array, k: number): Candidate[] {
    const best = new Float32Array(this.slots.size).fill(-Infinity);
    const rowSlot = this.rowSlot;
    for (let r = 0; r < scores.length; r++) {
      const slot = rowSlot[r] as number;
      const s = scores[r] as number;
      if (s > (best[slot] as number)) best[slot] = s;
    }
    return topIndices(best, k).map((slot) => ({
      personId: this.slots.personAt(slot) as string,
      score: best[slot] as number,
    }));
  }

  private padded(vector: Float32Array): Float32Array {
    if (vector.length !== this.dim) {
      throw new RollcallError(
        'EMBEDDING_DIMENSION_MISMATCH',
        `A ${vector.length}-D vector cannot be searched among ${this.dim}-D samples: ` +
          'embed it with the model the gallery was loaded for.',
        { details: { dimension: vector.length, expected: this.dim } },
      );
    }
    const out = new Float32Array(this.paddedDim);
    out.set(l2Normalise(vector));
    return out;
  }

  private growRowArrays(length: number): void {
    if (length <= this.rowSlot.length) return;
    const slots = new Int32Array(this.rowSlot.length * 2);
    slots.set(this.rowSlot);
    this.rowSlot = slots;
    const scales = new Float32Array(this.rowScale.length * 2);
    scales.set(this.rowScale);
    this.rowScale = scales;
  }
}

function sampleKey(personId: string, sampleId: string): string {
  return `${personId}\n${sampleId}`;
}

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < b.length; i++) sum += (a[i] as number) * (b[i] as number);
  return sum;
}
