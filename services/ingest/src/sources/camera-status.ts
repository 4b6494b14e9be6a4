import type { ErrorCode } from '@rollcall/errors';
import type { RgbImage } from '@rollcall/vision';

/**
 * - `connecting`: ffmpeg is starting or waiting for its first frame.
 * - `online`: frames are flowing.
 * - `offline`: the last attempt failed; a reconnect is scheduled.
 * - `stopped`: `stop()` was called, a file played to its end, or a failure that retrying
 *   cannot mend (ffmpeg missing, a file that does not decode).
 */
export type CameraState = 'connecting' | 'online' | 'offline' | 'stopped';

export interface CameraError {
  readonly code: ErrorCode;
  readonly message: string;
  /** When it happened, ms since the epoch. */
  readonly at: number;
}

export interface CameraStatus {
  readonly cameraId: string;
  readonly state: CameraState;
  /** When `state` last changed, ms since the epoch. */
  readonly since: number;
  /** Frames per second measured over the last `fpsWindowMs`. */
  readonly fps: number;
  /** Frames delivered since the source was created. */
  readonly frames: number;
  /** Wall-clock time of the last frame, ms since the epoch. */
  readonly lastFrameAt?: number;
  /** ffmpeg runs started after a failure. */
  readonly reconnects: number;
  readonly lastError?: CameraError;
  /** The running ffmpeg's process id. */
  readonly pid?: number;
}

/** One decoded frame; it is an `RgbImage` (rgb24, `width * height * 3` bytes). */
export interface CameraFrame extends RgbImage {
  readonly cameraId: string;
  /** 0, 1, 2... for this source, continuing across reconnects. */
  readonly seq: number;
  /** Wall-clock time the frame was read from ffmpeg, ms since the epoch. */
  readonly capturedAt: number;
}
