import type { RegistryContext, SampleVector } from '@rollcall/registry';
import { decodeEmbedding } from '@rollcall/vision';

/*
 * The reads the gallery needs that @rollcall/registry does not offer yet: every sample
 * of the gallery's model with counts of what was skipped (its `allSamples` skips other
 * models silently and stops at the first unreadable value), and one person's samples for
 * applying a change. Both read the keys the registry writes: `keys.people` for the ids
 * and `keys.samples(id)`, sample id -> `encodeEmbedding` bytes.
 */

/** One person's samples of one model, with what was left out. */
export interface SampleBatch {
  readonly vectors: SampleVector[];
  /** Samples embedded by another model: not comparable, so not loaded. */
  readonly otherModel: number;
  /** Values that are not embeddings in the stored form. */
  readonly malformed: number;
}

/** Every sample of `modelId`, one batch per HSCAN round of `batchSize` people. */
export async function* readModelSamples(
  context: RegistryContext,
  modelId: string,
  batchSize = 200,
): AsyncGenerator<SampleBatch> {
  const seen = new Set<string>();
  let cursor = '0';
  do {
    const [next, flat] = await context.redis.hscan(context.keys.people, cursor, 'COUNT', batchSize);
    cursor = next;
    // HSCAN may return a field twice when the hash is resized during the scan.
    const ids = flat.filter((_, i) => i % 2 === 0).filter((id) => !seen.has(id));
    ids.forEach((id) => seen.add(id));
    yield await readPeopleSamples(context, ids, modelId);
  } while (cursor !== '0');
}

/** The samples of `personIds` (absent people have none). */
export async function readPeopleSamples(
  context: RegistryContext,
  personIds: readonly string[],
  modelId: string,
): Promise<SampleBatch> {
  const pipeline = context.redis.pipeline();
  for (const id of personIds) pipeline.hgetallBuffer(context.keys.samples(id));
  const replies = personIds.length === 0 ? [] : ((await pipeline.exec()) ?? []);

  const batch = { vectors: [] as SampleVector[], otherModel: 0, malformed: 0 };
  replies.forEach(([error, value], i) => {
    if (error) throw error;
    const personId = personIds[i] as string;
    for (const [sampleId, bytes] of Object.entries(value as Record<string, Buffer>)) {
      sortSample(batch, personId, sampleId, bytes, modelId);
    }
  });
  return batch;
}

function sortSample(
  batch: { vectors: SampleVector[]; otherModel: number; malformed: number },
  personId: string,
  sampleId: string,
  bytes: Buffer,
  modelId: string,
): void {
  try {
    const embedding = decodeEmbedding(bytes);
    if (embedding.modelId === modelId) batch.vectors.push({ personId, sampleId, embedding });
    else batch.otherModel += 1;
  } catch {
    batch.malformed += 1;
  }
}
