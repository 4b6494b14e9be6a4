import { randomBytes } from 'node:crypto';

import { RollcallError } from '@rollcall/errors';
import { parseCameraUrl, redactUrl } from '@rollcall/ingest';
import { queueAppend, type KeySpace } from '@rollcall/streams';
import type { ChainableCommander, Redis } from 'ioredis';

import type { Camera, CameraPatch, CameraStatus, NewCamera } from './camera';
import { judgeCameraStatus } from './camera-freshness';

/** What the camera functions work on. */
export interface CameraContext {
  readonly redis: Redis;
  readonly keys: KeySpace;
  readonly now: () => number;
}

/**
 * Cameras live in `keys.cameras` (the id set) and one flat hash per camera,
 * `keys.cameraConfig(id)` (fields name, url, fps, role, threshold, createdAtMs,
 * updatedAtMs; absent fps or threshold means unset). Every edit appends
 * `{v: 1, cameraId, change: upserted|deleted}` to `keys.cameraChanges` in the same MULTI,
 * so ingest can follow the stream and (re)start or stop that camera's source.
 */
export async function createCamera(context: CameraContext, input: NewCamera): Promise<Camera> {
  parseCameraUrl(input.url);
  const at = context.now();
  const id = `cam_${randomBytes(6).toString('hex')}`;
  const camera: StoredCamera = {
    id,
    name: input.name,
    url: input.url,
    fps: input.fps ?? null,
    role: input.role ?? 'entry',
    threshold: input.threshold ?? null,
    createdAtMs: at,
    updatedAtMs: at,
  };

  await commit(context, id, 'upserted', (multi) => {
    multi.sadd(context.keys.cameras, id);
    multi.hset(context.keys.cameraConfig(id), toFields(camera));
  });
  return shown(camera);
}

export async function getCamera(context: CameraContext, id: string): Promise<Camera> {
  return shown(await readCamera(context, id));
}

/**
 * The camera's live status hash, judged for staleness (`judgeCameraStatus`); empty when
 * ingest has not reported yet.
 */
export async function getCameraStatus(context: CameraContext, id: string): Promise<CameraStatus> {
  const status = await context.redis.hgetall(context.keys.cameraStatus(id));
  return judgeCameraStatus(status, context.now());
}

/** Every camera, by name. */
export async function listCameras(context: CameraContext): Promise<Camera[]> {
  const ids = await context.redis.smembers(context.keys.cameras);
  const cameras = await Promise.all(ids.map((id) => findCamera(context, id)));
  return cameras
    .filter((c): c is StoredCamera => c !== undefined)
    .map(shown)
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

export async function updateCamera(
  context: CameraContext,
  id: string,
  patch: CameraPatch,
): Promise<Camera> {
  const before = await readCamera(context, id);
  if (patch.url !== undefined) parseCameraUrl(patch.url);
  const after: StoredCamera = {
    ...before,
    ...definedOnly(patch),
    updatedAtMs: context.now(),
  };

  await commit(context, id, 'upserted', (multi) => {
    const key = context.keys.cameraConfig(id);
    multi.del(key);
    multi.hset(key, toFields(after));
  });
  return shown(after);
}

/** Removes a camera's configuration and status; ingest stops it on the change. */
export async function deleteCamera(context: CameraContext, id: string): Promise<Camera> {
  const camera = await readCamera(context, id);
  await commit(context, id, 'deleted', (multi) => {
    multi.srem(context.keys.cameras, id);
    multi.del(context.keys.cameraConfig(id), context.keys.cameraStatus(id));
  });
  return shown(camera);
}

type StoredCamera = Camera;

async function readCamera(context: CameraContext, id: string): Promise<StoredCamera> {
  const camera = await findCamera(context, id);
  if (camera !== undefined) return camera;
  throw new RollcallError(
    'CAMERA_NOT_FOUND',
    `No camera has id "${id}"; list cameras with GET /v1/cameras to find the id.`,
    { details: { cameraId: id } },
  );
}

async function findCamera(context: CameraContext, id: string): Promise<StoredCamera | undefined> {
  if (!/^[A-Za-z0-9_.-]{1,128}$/.test(id)) return undefined;
  const fields = await context.redis.hgetall(context.keys.cameraConfig(id));
  if (fields.name === undefined || fields.url === undefined) return undefined;
  return {
    id,
    name: fields.name,
    url: fields.url,
    fps: optionalNumber(fields.fps),
    role: fields.role === 'exit' ? 'exit' : 'entry',
    threshold: optionalNumber(fields.threshold),
    createdAtMs: Number(fields.createdAtMs ?? 0),
    updatedAtMs: Number(fields.updatedAtMs ?? 0),
  };
}

function toFields(camera: StoredCamera): Record<string, string> {
  const fields: Record<string, string> = {
    name: camera.name,
    url: camera.url,
    role: camera.role,
    createdAtMs: String(camera.createdAtMs),
    updatedAtMs: String(camera.updatedAtMs),
  };
  if (camera.fps !== null) fields.fps = String(camera.fps);
  if (camera.threshold !== null) fields.threshold = String(camera.threshold);
  return fields;
}

async function commit(
  context: CameraContext,
  cameraId: string,
  change: 'upserted' | 'deleted',
  queue: (multi: ChainableCommander) => void,
): Promise<void> {
  const multi = context.redis.multi();
  queue(multi);
  queueAppend(multi, context.keys.cameraChanges, {
    schemaVersion: 1,
    fields: { cameraId, change },
  });
  const replies = await multi.exec();
  const failed = replies?.find(([error]) => error !== null)?.[0];
  if (failed) throw failed;
}

function shown(camera: StoredCamera): Camera {
  return { ...camera, url: redactUrl(camera.url) };
}

function optionalNumber(text: string | undefined): number | null {
  return text === undefined ? null : Number(text);
}

function definedOnly(patch: CameraPatch): Partial<StoredCamera> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
}
