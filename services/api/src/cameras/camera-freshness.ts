import type { CameraStatus } from './camera';

/**
 * How old a camera's status hash may be before the API stops believing it, in ms. Ingest
 * rewrites the hash every `ROLLCALL_INGEST_STATUS_MS` (default 1 s), so 10 s is ten missed
 * writes: long enough to ride out a busy event loop or a Redis failover, short enough that
 * a dead ingest shows within one console refresh. An ingest set to write less often than
 * every 10 s would read as stale between writes.
 */
export const CAMERA_STATUS_STALE_MS = 10_000;

/**
 * The status as the API reports it. A hash whose `updatedAt` (ms) is older than
 * `CAMERA_STATUS_STALE_MS`, or absent, was left by an ingest that stopped writing: its
 * `state` no longer says anything, so it becomes `unknown`, the last written state is kept
 * as `lastState` and `stale: 'true'` marks it. Every other field stays as written (fps,
 * counts and the last error are still the last known figures). An empty hash (never
 * reported) stays empty.
 */
export function judgeCameraStatus(status: CameraStatus, now: number): CameraStatus {
  if (Object.keys(status).length === 0) return status;

  const updatedAt = Number(status.updatedAt);
  const fresh = status.updatedAt !== '' && Number.isFinite(updatedAt);
  if (fresh && now - updatedAt <= CAMERA_STATUS_STALE_MS) return status;

  return { ...status, state: 'unknown', lastState: status.state ?? '', stale: 'true' };
}
