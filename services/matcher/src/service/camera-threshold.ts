import type { Logger } from '@rollcall/log';
import { SETTINGS_REFRESH_MS } from '@rollcall/settings';
import type { KeySpace } from '@rollcall/streams';
import type { Redis } from 'ioredis';

/** A camera's own open-set threshold, or undefined to use the site's (else the pack's). */
export type CameraThresholdLookup = (cameraId: string) => Promise<number | undefined>;

/** How the Redis-backed lookup caches. */
export interface CameraThresholdOptions {
  /** How long a camera's answer is reused, in ms. Default 2000, as for the settings. */
  readonly cacheMs?: number;
  readonly logger?: Logger;
}

/**
 * Per-camera thresholds from field `threshold` of `keys.cameraConfig(id)`, as the API
 * stores them. Answers are cached for `cacheMs`, so a busy camera costs one HGET per two
 * seconds rather than one per face, and an edit takes effect within that time. A value
 * that is not a number in [-1, 1] is logged and ignored, as if the camera had none.
 */
export function redisCameraThresholds(
  redis: Redis,
  keys: KeySpace,
  options: CameraThresholdOptions = {},
): CameraThresholdLookup {
  const cacheMs = options.cacheMs ?? SETTINGS_REFRESH_MS;
  const cache = new Map<string, { value: number | undefined; until: number }>();

  return async (cameraId) => {
    const cached = cache.get(cameraId);
    if (cached !== undefined && cached.until > Date.now()) return cached.value;

    const value = parseThreshold(await readField(redis, keys, cameraId), cameraId, options.logger);
    cache.set(cameraId, { value, until: Date.now() + cacheMs });
    return value;
  };
}

async function readField(redis: Redis, keys: KeySpace, cameraId: string) {
  let key: string;
  try {
    key = keys.cameraConfig(cameraId);
  } catch {
    return null; // an id no key can hold has no configuration
  }
  return redis.hget(key, 'threshold');
}

function parseThreshold(text: string | null, cameraId: string, logger?: Logger) {
  if (text === null || text.trim() === '') return undefined;
  const value = Number(text);
  if (Number.isFinite(value) && value >= -1 && value <= 1) return value;
  logger?.warn({ cameraId, threshold: text }, 'camera threshold is not in [-1, 1], ignored');
  return undefined;
}
