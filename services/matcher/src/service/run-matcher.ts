import { createLogger, type Logger } from '@rollcall/log';
import { CONSUMER_GROUPS, runConsumer, type KeySpace } from '@rollcall/streams';
import type { Redis } from 'ioredis';

import { Gallery } from '../gallery/gallery';
import { GallerySync } from '../gallery/gallery-sync';
import type { SearchPrecision } from '../search/search-types';
import type { CameraThresholdLookup } from './camera-threshold';
import { createMatchHandler } from './match-handler';
import type { PackModel } from './pack-model';
import type { SettingsThresholdLookup } from './settings-threshold';

/** The consumer group every matcher replica joins on the embeddings stream. */
export const MATCHER_GROUP = CONSUMER_GROUPS.matcher;

/** One matcher process. */
export interface RunMatcherOptions {
  /** Not closed by the matcher. */
  readonly redis: Redis;
  readonly keys: KeySpace;
  readonly model: PackModel;
  /** This replica's name in the group; unique among live replicas. */
  readonly consumer: string;
  readonly signal: AbortSignal;
  /** Per-camera thresholds. Default: none. */
  readonly cameraThreshold?: CameraThresholdLookup;
  /** The site's threshold. Default: none (with no camera's either, the pack's everywhere). */
  readonly settingsThreshold?: SettingsThresholdLookup;
  /** Candidates per match. Default 5. */
  readonly topK?: number;
  /** Default `f32`. */
  readonly precision?: SearchPrecision;
  /** How long one blocking read waits, in ms (both streams). Default 5000. */
  readonly blockMs?: number;
  /** Default: a `matcher` logger. */
  readonly logger?: Logger;
}

/**
 * Loads the gallery, then follows the registry changes and matches embeddings until the
 * signal fires; resolves once both loops have stopped (the in-flight match finished).
 */
export async function runMatcher(options: RunMatcherOptions): Promise<void> {
  const { redis, keys, model, signal } = options;
  const logger = options.logger ?? createLogger({ service: 'matcher' });
  const gallery = new Gallery(model.modelId, model.dimension);
  const sync = new GallerySync({ redis, keys, gallery, logger, blockMs: options.blockMs });
  await sync.load();

  const source = { group: MATCHER_GROUP, consumer: options.consumer };
  const handler = createMatchHandler({
    redis,
    keys,
    gallery,
    threshold: model.threshold,
    cameraThreshold: options.cameraThreshold,
    settingsThreshold: options.settingsThreshold,
    topK: options.topK,
    precision: options.precision,
    source,
  });

  await Promise.all([
    sync.run(signal),
    runConsumer({
      redis,
      stream: keys.embeddings,
      deadLetterStream: keys.deadLetters(keys.embeddings),
      ...source,
      handler,
      signal,
      logger,
      ...(options.blockMs === undefined ? {} : { blockMs: options.blockMs }),
    }),
  ]);
}
