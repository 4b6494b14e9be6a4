import { decodeEntryAs, encodeEntry, type FaceFound, type Frame } from '@rollcall/contracts';
import type { Logger } from '@rollcall/log';
import {
  CONSUMER_GROUPS,
  queueAppend,
  runConsumer,
  type ConsumerStats,
  type KeySpace,
  type StreamEntry,
} from '@rollcall/streams';
import type { Redis } from 'ioredis';

import { asBadEntry } from './bad-input';
import type { FaceFinder } from './face-finder';

/** The consumer group every detector process joins on the frames stream. */
export const DETECTOR_GROUP = CONSUMER_GROUPS.detector;

/** How one detector process runs. */
export interface DetectorWorkerOptions {
  /** Connection for appends and acks; not closed by the worker. */
  readonly redis: Redis;
  readonly keys: KeySpace;
  readonly finder: FaceFinder;
  /** This process's name in the `detector` group. */
  readonly consumer: string;
  readonly signal: AbortSignal;
  readonly logger: Logger;
  /** Frames per read. Default 4. */
  readonly readBatch?: number;
  /** How long a read blocks, in ms. Default 5000 (see `ConsumerOptions.blockMs`). */
  readonly blockMs?: number;
  /** Pending time before a peer reclaims a frame, in ms. Default 60000. */
  readonly claimIdleMs?: number;
}

/** What one detector process did, besides the consumer's own counts. */
export interface DetectorStats {
  /** Frames detected on (with or without faces). */
  frames: number;
  /** `FaceFound` entries appended. */
  faces: number;
  /** Frames in which no face was found (nothing appended for them). */
  framesWithoutFaces: number;
}

export interface DetectorRun {
  readonly detector: DetectorStats;
  /** Live while running; final once `done` resolves. */
  readonly done: Promise<ConsumerStats>;
}

/**
 * Reads frames as a member of the `detector` group and appends one `FaceFound` per face to
 * the faces stream, acknowledging each frame after its faces are appended. Frames that
 * cannot be decoded are dead-lettered with the reason; they never stop the worker.
 */
export function runDetectorWorker(options: DetectorWorkerOptions): DetectorRun {
  const { redis, keys, finder } = options;
  const detector: DetectorStats = { frames: 0, faces: 0, framesWithoutFaces: 0 };

  const handle = async (entry: StreamEntry, logger: Logger) => {
    const frame = decodeEntryAs('Frame', entry);
    const found = await findFaces(finder, frame);
    detector.frames += 1;
    if (found.length === 0) {
      detector.framesWithoutFaces += 1;
      logger.debug({ cameraId: frame.cameraId, seq: frame.seq }, 'no face in frame');
      return;
    }

    // One MULTI per frame: a frame's faces appear together or, on failure, not at all.
    const batch = redis.multi();
    for (const face of found) queueAppend(batch, keys.faces, encodeEntry('FaceFound', face));
    throwOnFailedStep(await batch.exec());
    detector.faces += found.length;
  };

  const done = runConsumer({
    redis,
    stream: keys.frames,
    group: DETECTOR_GROUP,
    consumer: options.consumer,
    deadLetterStream: keys.deadLetters(keys.frames),
    signal: options.signal,
    logger: options.logger,
    batch: options.readBatch ?? 4,
    ...(options.blockMs === undefined ? {} : { blockMs: options.blockMs }),
    ...(options.claimIdleMs === undefined ? {} : { claimIdleMs: options.claimIdleMs }),
    handler: (entry, context) => handle(entry, context.logger),
  });
  return { detector, done };
}

async function findFaces(finder: FaceFinder, frame: Frame): Promise<FaceFound[]> {
  try {
    return await finder.find(frame);
  } catch (error) {
    throw asBadEntry(error, `Frame ${frame.cameraId}:${frame.seq} cannot be read`);
  }
}

/** Throws the first failed step of an executed MULTI. */
export function throwOnFailedStep(results: [Error | null, unknown][] | null): void {
  if (results === null) throw new Error('A MULTI of stream appends was discarded');
  const failed = results.find(([error]) => error !== null);
  if (failed?.[0]) throw failed[0];
}
