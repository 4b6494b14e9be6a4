import { decodeEmbedding, type Embedding } from '@rollcall/vision';

import type { RegistryContext } from './context';
import type { SampleVector } from './sample';

/** How `allSamples` reads; every field is optional. */
export interface AllSamplesOptions {
  /** People read per round trip (HSCAN COUNT and pipeline size). Default 200. */
  readonly batchSize?: number;
  /** Counts of what was left out, updated as batches are read. Default: not counted. */
  readonly skipped?: SkippedSamples;
}

/** Samples `allSamples` and `personSamples` did not return, and why. */
export interface SkippedSamples {
  /** Embedded by another model: not comparable with `modelId`'s. */
  otherModel: number;
  /** Not an embedding in the stored form (`decodeEmbedding` refused it). */
  malformed: number;
}

/**
 * Every sample embedded by `modelId`, in batches (one batch per round of people read), for
 * a matcher building its index. Samples of other models and unreadable values are left
 * out and counted in `options.skipped`. People are scanned with HSCAN, so Redis is never blocked
 * and memory stays bounded by one batch.
 *
 * To stay in sync, a reader takes `lastRegistryChangeId` before the scan and then follows
 * the change stream from that id: an edit made during the scan is then applied again,
 * which is harmless (adds and deletes are idempotent by sample id).
 */
export async function* allSamples(
  context: RegistryContext,
  modelId: string,
  options: AllSamplesOptions = {},
): AsyncGenerator<SampleVector[]> {
  const count = options.batchSize ?? 200;
  // HSCAN may return a field twice when the hash is resized during the scan.
  const seen = new Set<string>();
  let cursor = '0';

  do {
    const [next, flat] = await context.redis.hscan(context.keys.people, cursor, 'COUNT', count);
    cursor = next;
    const personIds = flat.filter((_, i) => i % 2 === 0).filter((id) => !seen.has(id));
    for (const id of personIds) seen.add(id);

    const batch = await samplesOf(context, personIds, modelId, options.skipped);
    if (batch.length > 0) yield batch;
  } while (cursor !== '0');
}

/**
 * The samples of `personIds` embedded by `modelId` (people who are absent have none): what
 * a reader applying a change re-reads.
 */
export async function personSamples(
  context: RegistryContext,
  personIds: readonly string[],
  modelId: string,
  skipped?: SkippedSamples,
): Promise<SampleVector[]> {
  return samplesOf(context, personIds, modelId, skipped);
}

/** The id of the newest registry change, or `0-0` when there has been none. */
export async function lastRegistryChangeId(context: RegistryContext): Promise<string> {
  const newest = await context.redis.xrevrange(
    context.keys.registryChanges.key,
    '+',
    '-',
    'COUNT',
    1,
  );
  return newest[0]?.[0] ?? '0-0';
}

async function samplesOf(
  context: RegistryContext,
  personIds: readonly string[],
  modelId: string,
  skipped: SkippedSamples = { otherModel: 0, malformed: 0 },
): Promise<SampleVector[]> {
  if (personIds.length === 0) return [];

  const pipeline = context.redis.pipeline();
  for (const id of personIds) pipeline.hgetallBuffer(context.keys.samples(id));
  const replies = (await pipeline.exec()) ?? [];

  const vectors: SampleVector[] = [];
  replies.forEach(([error, value], i) => {
    if (error) throw error;
    const personId = personIds[i] as string;
    for (const [sampleId, bytes] of Object.entries(value as Record<string, Buffer>)) {
      const embedding = decodeOrUndefined(bytes);
      if (embedding === undefined) skipped.malformed += 1;
      else if (embedding.modelId !== modelId) skipped.otherModel += 1;
      else vectors.push({ personId, sampleId, embedding });
    }
  });
  return vectors;
}

// One unreadable value must not stop a matcher from loading everyone else.
function decodeOrUndefined(bytes: Buffer): Embedding | undefined {
  try {
    return decodeEmbedding(bytes);
  } catch {
    return undefined;
  }
}
