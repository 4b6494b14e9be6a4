import type { SampleVector } from '@rollcall/registry';

import { SearchIndex, type SearchIndexOptions } from '../search/search-index';
import type { Candidate, SearchOptions } from '../search/search-types';

/** What one gallery holds: the index and, per person, the ids of their samples in it. */
interface GalleryState {
  readonly index: SearchIndex;
  readonly samplesOf: Map<string, Set<string>>;
}

/**
 * The enrolled people of one model, in memory, ready to search. Edits go through
 * `setPerson`, which makes a person's samples exactly the ones given, so applying the same
 * registry change twice, or out of order with a full load, leaves the same gallery.
 */
export class Gallery {
  private state: GalleryState;

  constructor(
    readonly modelId: string,
    readonly dimension: number,
    private readonly indexOptions: SearchIndexOptions = {},
  ) {
    this.state = this.emptyState();
  }

  get people(): number {
    return this.state.samplesOf.size;
  }

  get samples(): number {
    return this.state.index.samples;
  }

  /** The sample ids held for a person (empty when none). */
  sampleIds(personId: string): string[] {
    return [...(this.state.samplesOf.get(personId) ?? [])].sort();
  }

  search(queries: readonly Float32Array[], options?: SearchOptions): Candidate[][] {
    return this.state.index.search(queries, options);
  }

  /**
   * Builds a new gallery content from `batches` and swaps it in at the end, so searches
   * during a reload still see the old people. Returns how many vectors were refused for
   * their dimension.
   */
  async replaceAll(batches: AsyncIterable<readonly SampleVector[]>): Promise<number> {
    const next = this.emptyState();
    let refused = 0;
    for await (const batch of batches) {
      for (const sample of batch) refused += addTo(next, sample, this.dimension) ? 0 : 1;
    }
    this.state = next;
    return refused;
  }

  /** Makes `personId`'s samples exactly `vectors` (none: the person is removed). */
  setPerson(personId: string, vectors: readonly SampleVector[]): number {
    const { index, samplesOf } = this.state;
    const keep = new Set(vectors.map((v) => v.sampleId));
    for (const sampleId of samplesOf.get(personId) ?? []) {
      if (!keep.has(sampleId)) index.remove(personId, sampleId);
    }
    samplesOf.delete(personId);

    let refused = 0;
    for (const sample of vectors) refused += addTo(this.state, sample, this.dimension) ? 0 : 1;
    return refused;
  }

  private emptyState(): GalleryState {
    return { index: new SearchIndex(this.dimension, this.indexOptions), samplesOf: new Map() };
  }
}

function addTo(state: GalleryState, sample: SampleVector, dimension: number): boolean {
  if (sample.embedding.vector.length !== dimension) return false;
  const { personId, sampleId } = sample;
  if (!state.index.has(personId, sampleId)) {
    state.index.add(personId, sampleId, sample.embedding.vector);
  }
  const ids = state.samplesOf.get(personId) ?? new Set<string>();
  ids.add(sampleId);
  state.samplesOf.set(personId, ids);
  return true;
}
