import pino, { type Logger } from 'pino';

import { RollcallError } from '@rollcall/errors';

export interface CameraSourceOptions {
  /** Stable id of the camera; it names the frames and the logs. */
  cameraId: string;
  /** See `parseCameraUrl` for what is accepted. */
  url: string;
  /** Frames per second delivered. Default: 5. */
  fps?: number;
  /** Frame width in pixels. Default: 640. */
  width?: number;
  /** Frame height in pixels. Default: 360. */
  height?: number;
  /** `pad` keeps the aspect ratio (letterbox), `stretch` fills. Default: `pad`. */
  fit?: 'pad' | 'stretch';
  /** Files only: play again from the start at the end. Default: false. */
  loop?: boolean;
  /** Socket I/O timeout for RTSP and HTTP, in ms. Default: 5 000. */
  ioTimeoutMs?: number;
  /**
   * No frame for this long (from start or since the last frame) counts as a failure and
   * ffmpeg is restarted; it catches what the socket timeout cannot, such as a decoder
   * stuck on a stream that still sends bytes. Default: 15 000 ms.
   */
  stallTimeoutMs?: number;
  /** First reconnect delay, before jitter. Default: 500 ms. */
  backoffBaseMs?: number;
  /** Largest reconnect delay, before jitter. Default: 30 000 ms. */
  backoffMaxMs?: number;
  /** Online this long, the failure count (and so the delay) starts again. Default: 30 000. */
  backoffResetMs?: number;
  /** Window of the measured fps. Default: 5 000 ms. */
  fpsWindowMs?: number;
  /** Wait after SIGTERM before SIGKILL when stopping ffmpeg. Default: 2 000 ms. */
  killGraceMs?: number;
  /** The ffmpeg binary. Default: `FFMPEG_PATH`, else `ffmpeg` on the PATH. */
  ffmpegPath?: string;
  /** Logger; a child bound to the camera id is made from it. Default: silent. */
  logger?: Logger;
}

export type ResolvedCameraSourceOptions = Required<CameraSourceOptions>;

/** Fills the defaults and checks ranges; every bad option is listed in one error. */
export function resolveCameraSourceOptions(
  options: CameraSourceOptions,
): ResolvedCameraSourceOptions {
  const resolved: ResolvedCameraSourceOptions = {
    fps: 5,
    width: 640,
    height: 360,
    fit: 'pad',
    loop: false,
    ioTimeoutMs: 5_000,
    stallTimeoutMs: 15_000,
    backoffBaseMs: 500,
    backoffMaxMs: 30_000,
    backoffResetMs: 30_000,
    fpsWindowMs: 5_000,
    killGraceMs: 2_000,
    ffmpegPath: process.env.FFMPEG_PATH ?? 'ffmpeg',
    logger: pino({ level: 'silent' }),
    ...withoutUndefined(options),
    cameraId: options.cameraId,
    url: options.url,
  };

  const problems = [
    check(resolved.cameraId.length > 0, 'cameraId must not be empty'),
    check(inRange(resolved.fps, 0.01, 120), 'fps must be in 0.01..120'),
    check(isSide(resolved.width), 'width must be an integer in 2..8192'),
    check(isSide(resolved.height), 'height must be an integer in 2..8192'),
    check(resolved.fit === 'pad' || resolved.fit === 'stretch', "fit must be 'pad' or 'stretch'"),
    check(inRange(resolved.ioTimeoutMs, 100, 600_000), 'ioTimeoutMs must be in 100..600000'),
    check(resolved.stallTimeoutMs >= 1_000, 'stallTimeoutMs must be at least 1000'),
    check(resolved.backoffBaseMs >= 1, 'backoffBaseMs must be at least 1'),
    check(resolved.backoffMaxMs >= resolved.backoffBaseMs, 'backoffMaxMs must be >= base'),
    check(resolved.backoffResetMs >= 0, 'backoffResetMs must not be negative'),
    check(resolved.fpsWindowMs >= 100, 'fpsWindowMs must be at least 100'),
    check(resolved.killGraceMs >= 0, 'killGraceMs must not be negative'),
  ].filter((problem): problem is string => problem !== undefined);

  if (problems.length > 0) {
    throw new RollcallError(
      'CONFIG_INVALID',
      `Camera ${resolved.cameraId}: ${problems.join('; ')}.`,
      { details: { problems } },
    );
  }
  return resolved;
}

function check(ok: boolean, problem: string): string | undefined {
  return ok ? undefined : problem;
}

function inRange(value: number, min: number, max: number): boolean {
  return Number.isFinite(value) && value >= min && value <= max;
}

function isSide(value: number): boolean {
  return Number.isInteger(value) && value >= 2 && value <= 8192;
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
