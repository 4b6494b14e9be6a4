import type { KeySpace } from '@rollcall/streams';
import type { Redis } from 'ioredis';

/** The id of the newest camera change, or `0-0`: where a reader that has just loaded starts. */
export async function lastChangeId(redis: Redis, keys: KeySpace): Promise<string> {
  const newest = (await redis.xrevrange(keys.cameraChanges.key, '+', '-', 'COUNT', 1)) as [
    string,
    string[],
  ][];
  return newest[0]?.[0] ?? '0-0';
}

/** One entry of the camera change stream: which camera, and where the reader now is. */
export interface CameraChange {
  readonly id: string;
  readonly cameraId: string;
}

/**
 * Camera changes after `afterId`, blocking up to `blockMs` on `reader` (a connection of
 * its own: a blocking read holds it). Entries without a camera id are skipped.
 */
export async function readCameraChanges(
  reader: Redis,
  keys: KeySpace,
  afterId: string,
  blockMs: number,
): Promise<CameraChange[]> {
  const reply = (await reader.xread(
    'COUNT',
    100,
    'BLOCK',
    blockMs,
    'STREAMS',
    keys.cameraChanges.key,
    afterId,
  )) as [string, [string, string[]][]][] | null;
  const entries = reply?.[0]?.[1] ?? [];
  return entries.map(([id, flat]) => ({ id, cameraId: fieldOf(flat, 'cameraId') ?? '' }));
}

function fieldOf(flat: string[], name: string): string | undefined {
  for (let i = 0; i + 1 < flat.length; i += 2) if (flat[i] === name) return flat[i + 1];
  return undefined;
}
