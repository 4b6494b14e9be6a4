import { decodeEntryAs, encodeEntry, vectorToBytes, type FaceEmbedded } from '@rollcall/contracts';
import { asBadEntry, throwOnFailedStep } from '@rollcall/detector';
import type { Logger } from '@rollcall/log';
import {
  CONSUMER_GROUPS,
  queueAppend,
  runConsumer,
  type ConsumerStats,
  type KeySpace,
  type StreamEntry,
} from '@rollcall/streams';
import type { RgbImage } from '@rollcall/vision';
import type { Redis } from 'ioredis';

import { Batcher } from './batcher';
import type { CropEmbedder } from './crop-embedder';

/** The consumer group every embedder process joins on the faces stream. */
export const EMBEDDER_GROUP = CONSUMER_GROUPS.embedder;

/** How one embedder process reads faces. */
export interface EmbedderWorkerOptions {
  /** Connection for appends and acks; not closed by the worker. */
  readonly redis: Redis;
  readonly keys: KeySpace;
  readonly embedder: CropEmbedder;
  /** This process's name; its batch slots join the group as `<consumer>.<slot>`. */
  readonly consumer: string;
  readonly signal: AbortSignal;
  readonly logger: Logger;
  /** Faces per model run, at most. Default 8. */
  readonly batchSize?: number;
  /** Longest wait for a batch to fill, in ms. Default 10. */
  readonly batchWaitMs?: number;
  /** How long a read blocks, in ms. Default 5000 (see `ConsumerOptions.blockMs`). */
  readonly blockMs?: number;
  /** Pending time before a peer reclaims a face, in ms. Default 60000. */
  readonly claimIdleMs?: number;
}

export interface EmbedderStats {
  /** Model runs (batches) made. */
  batches: number;
  /** `FaceEmbedded` entries appended. */
  faces: number;
}

export interface EmbedderRun {
  readonly embedder: EmbedderStats;
  /** Resolves with each slot's consumer counts once every slot has stopped. */
  readonly done: Promise<ConsumerStats[]>;
}

interface Job {
  readonly entry: StreamEntry;
  readonly crops: ReadonlyMap<string, RgbImage>;
  readonly message: Omit<FaceEmbedded, 'vectorF32'>;
}

/**
 * Reads faces as members of the `embedder` group and appends one `FaceEmbedded` per face,
 * embedding up to `batchSize` faces per model run. The stream consumer hands over one
 * entry at a time and acks it when its handler resolves, so a batch is gathered from
 * `batchSize` slots, each a consumer of its own reading one entry: each slot's handler
 * waits for its batch, whose embeddings are appended in one MULTI before any is acked.
 */
export function runEmbedderWorker(options: EmbedderWorkerOptions): EmbedderRun {
  const { redis, keys, embedder } = options;
  const stats: EmbedderStats = { batches: 0, faces: 0 };
  const batchSize = options.batchSize ?? 8;

  const embedBatch = async (jobs: Job[]): Promise<void[]> => {
    const embeddings = await embedder.embed(jobs.map((j) => j.crops));
    const batch = redis.multi();
    jobs.forEach((job, i) => {
      const vectorF32 = vectorToBytes(embeddings[i]?.vector ?? []);
      queueAppend(
        batch,
        keys.embeddings,
        encodeEntry('FaceEmbedded', { ...job.message, vectorF32 }),
      );
    });
    throwOnFailedStep(await batch.exec());
    stats.batches += 1;
    stats.faces += jobs.length;
    return jobs.map(() => undefined);
  };
  const batcher = new Batcher(embedBatch, {
    maxItems: batchSize,
    maxWaitMs: options.batchWaitMs ?? 10,
  });

  const handle = (entry: StreamEntry): Promise<void> => {
    const found = decodeEntryAs('FaceFound', entry);
    let crops: ReadonlyMap<string, RgbImage>;
    try {
      crops = embedder.cropsOf(found);
    } catch (error) {
      throw asBadEntry(error, `Face ${found.face?.faceId ?? entry.id} cannot be embedded`);
    }
    return batcher.submit({
      entry,
      crops,
      message: { face: found.face, modelId: embedder.modelId },
    });
  };

  const slots = Array.from({ length: batchSize }, (_, slot) =>
    runConsumer({
      redis,
      stream: keys.faces,
      group: EMBEDDER_GROUP,
      consumer: `${options.consumer}.${slot}`,
      deadLetterStream: keys.deadLetters(keys.faces),
      signal: options.signal,
      logger: options.logger,
      // One entry per read: an entry read but not yet in a batch would wait for nothing.
      batch: 1,
      ...(options.blockMs === undefined ? {} : { blockMs: options.blockMs }),
      ...(options.claimIdleMs === undefined ? {} : { claimIdleMs: options.claimIdleMs }),
      handler: async (entry) => {
        await handle(entry);
      },
    }),
  );
  return { embedder: stats, done: Promise.all(slots) };
}
