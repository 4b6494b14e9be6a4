import type { KeySpace } from '@rollcall/streams';
import type { Redis } from 'ioredis';

import { fileLoop } from '../input/camera-url';

/**
 * What ingest needs of a camera the API configured. The API's camera store writes one flat
 * hash per camera (`keys.cameraConfig(id)`: name, url, fps, role, ...); ingest only reads
 * it, so the two agree on field names and nothing else.
 */
export interface CameraConfig {
  readonly id: string;
  readonly name: string;
  /** The URL as configured, credentials included: it is only ever handed to ffmpeg. */
  readonly url: string;
  /** Null: ingest's default fps. */
  readonly fps: number | null;
  /** `file://...?loop=1` (or `true`, `yes`) plays a file again from the start at its end. */
  readonly loop: boolean;
}

/** The camera's configuration, or undefined when it is gone or incomplete. */
export async function readCameraConfig(
  redis: Redis,
  keys: KeySpace,
  cameraId: string,
): Promise<CameraConfig | undefined> {
  const fields = await redis.hgetall(keys.cameraConfig(cameraId));
  if (fields.url === undefined) return undefined;
  const fps = fields.fps === undefined ? NaN : Number(fields.fps);
  return {
    id: cameraId,
    name: fields.name ?? cameraId,
    url: fields.url,
    fps: Number.isFinite(fps) && fps > 0 ? fps : null,
    loop: asksForLoop(fields.url),
  };
}

/** Every configured camera id. */
export async function listCameraIds(redis: Redis, keys: KeySpace): Promise<string[]> {
  return redis.smembers(keys.cameras);
}

/** Whether two configurations would run the same ffmpeg (a rename needs no restart). */
export function sameSource(a: CameraConfig, b: CameraConfig): boolean {
  return a.url === b.url && a.fps === b.fps && a.loop === b.loop;
}

function asksForLoop(url: string): boolean {
  if (!url.startsWith('file:')) return false;
  try {
    return fileLoop(new URL(url));
  } catch {
    // An unknown value is refused when the camera is added; one stored before that plays once.
    return false;
  }
}
