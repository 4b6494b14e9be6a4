import type { PublishCounts } from '../publish/frame-publisher';
import type { CameraStatus } from '../sources/camera-status';

/**
 * A camera's status as the flat hash the API reads (`keys.cameraStatus(id)`), every value
 * text, times in ms since the epoch:
 * state, since, fps, frames, published, dropped, failed, reconnects, lastFrameAt,
 * lastErrorCode, lastErrorMessage, lastErrorAt, ingest (the process running it), updatedAt.
 * Fields that do not apply are written empty so an old value never outlives its meaning.
 */
export function statusFields(
  status: CameraStatus,
  counts: PublishCounts,
  ingest: string,
  now: number,
): Record<string, string> {
  const error = status.lastError;
  return {
    state: status.state,
    since: String(status.since),
    fps: status.fps.toFixed(2),
    frames: String(status.frames),
    published: String(counts.published),
    dropped: String(counts.dropped),
    failed: String(counts.failed),
    reconnects: String(status.reconnects),
    lastFrameAt: status.lastFrameAt === undefined ? '' : String(status.lastFrameAt),
    lastErrorCode: error?.code ?? '',
    lastErrorMessage: error?.message ?? '',
    lastErrorAt: error === undefined ? '' : String(error.at),
    ingest,
    updatedAt: String(now),
  };
}
