import { bytesToVector, decodeEntryAs, encodeEntry, type FaceEmbedded } from '@rollcall/contracts';
import { RollcallError, isRollcallError } from '@rollcall/errors';
import { appendEntry, type EntryHandler, type KeySpace } from '@rollcall/streams';
import type { Redis } from 'ioredis';

import type { Gallery } from '../gallery/gallery';
import type { SearchPrecision } from '../search/search-types';
import type { CameraThresholdLookup } from './camera-threshold';
import { chooseThreshold } from './choose-threshold';
import { deadLetterEmbedding, type DeadLetterSource } from './dead-letter';
import type { SettingsThresholdLookup } from './settings-threshold';

/** What matching one embedding needs. */
export interface MatchHandlerOptions {
  readonly redis: Redis;
  readonly keys: KeySpace;
  readonly gallery: Gallery;
  /** The pack's open-set threshold: at or above it, the best person is the match. */
  readonly threshold: number;
  /** Per-camera overrides of `threshold`, before the site's. Default: none. */
  readonly cameraThreshold?: CameraThresholdLookup;
  /** The site-wide override of `threshold` (the settings'). Default: none. */
  readonly settingsThreshold?: SettingsThresholdLookup;
  /** Candidates written with each match. Default 5. */
  readonly topK?: number;
  /** Default `f32` (exact). */
  readonly precision?: SearchPrecision;
  /** Group and consumer names, written on dead letters. */
  readonly source: DeadLetterSource;
}

/**
 * The handler for one `FaceEmbedded` entry: search the gallery, append a `FaceMatched`
 * (the best person when they reach the threshold, else an empty person id) to the matches
 * stream, carrying the threshold it applied (the camera's, else the site's, else the
 * pack's). The consumer acks after it resolves. An embedding of another model, or of the
 * wrong dimension, is dead-lettered with its code and never compared.
 */
export function createMatchHandler(options: MatchHandlerOptions): EntryHandler {
  const { redis, keys, gallery, source } = options;

  return async (entry, { logger }) => {
    const embedded = decodeEntryAs('FaceEmbedded', entry);
    const vector = readVector(embedded, gallery);
    if (vector instanceof RollcallError) {
      await deadLetterEmbedding(redis, keys, entry, source, vector);
      logger.warn({ code: vector.code, modelId: embedded.modelId }, 'embedding refused');
      return;
    }

    const cameraId = embedded.face?.cameraId ?? '';
    const threshold = await chooseThreshold(cameraId, {
      camera: options.cameraThreshold,
      settings: options.settingsThreshold,
      pack: options.threshold,
    });
    const [candidates = []] = gallery.search([vector], {
      k: options.topK ?? 5,
      precision: options.precision ?? 'f32',
    });

    const best = candidates[0];
    const known = best !== undefined && best.score >= threshold;
    const matched = {
      face: embedded.face,
      modelId: embedded.modelId,
      personId: known ? best.personId : '',
      score: best?.score ?? 0,
      threshold,
      candidates,
      vectorF32: embedded.vectorF32,
    };
    await appendEntry(redis, keys.matches, encodeEntry('FaceMatched', matched));
    logger.debug({ cameraId, known, score: matched.score, threshold }, 'face matched');
  };
}

/** The query vector, or the error to dead-letter it with. */
function readVector(embedded: FaceEmbedded, gallery: Gallery): Float32Array | RollcallError {
  if (embedded.modelId !== gallery.modelId) {
    return new RollcallError(
      'EMBEDDING_MODEL_MISMATCH',
      `The embedding comes from "${embedded.modelId}" but this matcher holds people of ` +
        `"${gallery.modelId}": run a matcher with that model's pack, or embed with this one.`,
    );
  }
  try {
    return bytesToVector(embedded.vectorF32, gallery.dimension);
  } catch (error) {
    if (!isRollcallError(error)) throw error;
    return new RollcallError(
      'EMBEDDING_DIMENSION_MISMATCH',
      `${error.message} The gallery of "${gallery.modelId}" holds ${gallery.dimension}-D vectors.`,
    );
  }
}
