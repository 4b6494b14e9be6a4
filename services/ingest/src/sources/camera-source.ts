/**
 * One camera: runs ffmpeg on its URL, hands on decoded frames, and keeps it running. A
 * failed or dropped stream is retried with exponential backoff and jitter, forever for
 * network cameras; `status` says at any time how the camera is doing, and a `status`
 * event fires whenever its state or last error changes. Nothing here throws after the
 * constructor: every failure becomes a coded `lastError`.
 */
import { EventEmitter } from 'node:events';

import type { Logger } from 'pino';

import { RollcallError } from '@rollcall/errors';

import { decodeArgs } from '../ffmpeg/decode-args';
import { FfmpegDecoder, type DecoderExit } from '../ffmpeg/ffmpeg-decoder';
import type { FfmpegLogLine } from '../ffmpeg/ffmpeg-log';
import { describeInput, parseCameraUrl, type CameraInput } from '../input/camera-url';
import { backoffDelay } from './backoff';
import {
  resolveCameraSourceOptions,
  type CameraSourceOptions,
  type ResolvedCameraSourceOptions,
} from './camera-source-options';
import type { CameraError, CameraFrame, CameraState, CameraStatus } from './camera-status';
import { FpsMeter } from './fps-meter';

export interface CameraSourceEvents {
  frame: [frame: CameraFrame];
  status: [status: CameraStatus];
  /** A file source without `loop` played to its end (the state is then `stopped`). */
  ended: [];
}

export class CameraSource extends EventEmitter<CameraSourceEvents> {
  readonly cameraId: string;
  readonly input: CameraInput;
  private readonly options: ResolvedCameraSourceOptions;
  private readonly log: Logger;
  private readonly fpsMeter: FpsMeter;

  private running = false;
  private decoder: FfmpegDecoder | undefined;
  private state: CameraState = 'stopped';
  private since = Date.now();
  private seq = 0;
  private lastFrameAt: number | undefined;
  private reconnects = 0;
  private failuresInRow = 0;
  private lastError: CameraError | undefined;
  private stallFailure: RollcallError | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private stallTimer: NodeJS.Timeout | undefined;
  private healthyTimer: NodeJS.Timeout | undefined;

  /** Throws `CAMERA_URL_INVALID` or `CONFIG_INVALID` for a camera that cannot be set up. */
  constructor(options: CameraSourceOptions) {
    super();
    this.options = resolveCameraSourceOptions(options);
    this.cameraId = this.options.cameraId;
    this.input = parseCameraUrl(this.options.url);
    this.log = this.options.logger.child({ cameraId: this.cameraId });
    this.fpsMeter = new FpsMeter(this.options.fpsWindowMs);
  }

  get status(): CameraStatus {
    const pid = this.decoder?.pid;
    return {
      cameraId: this.cameraId,
      state: this.state,
      since: this.since,
      fps: this.fpsMeter.fps(Date.now()),
      frames: this.seq,
      reconnects: this.reconnects,
      ...(this.lastFrameAt === undefined ? {} : { lastFrameAt: this.lastFrameAt }),
      ...(this.lastError === undefined ? {} : { lastError: this.lastError }),
      ...(pid === undefined ? {} : { pid }),
    };
  }

  /** Starts pulling frames; does nothing while already started. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.failuresInRow = 0;
    this.log.info({ input: describeInput(this.input), kind: this.input.kind }, 'camera start');
    this.connect();
  }

  /** Stops pulling and resolves once ffmpeg has exited. Safe to call at any time. */
  async stop(): Promise<void> {
    this.running = false;
    this.clearTimers();
    this.transition('stopped');
    const decoder = this.decoder;
    if (decoder !== undefined) await decoder.stop();
  }

  private connect(): void {
    const { fps, width, height, fit, loop, ioTimeoutMs } = this.options;
    const decoder = new FfmpegDecoder({
      ffmpegPath: this.options.ffmpegPath,
      args: decodeArgs(this.input, { fps, width, height, fit }, { ioTimeoutMs, loop }),
      frameBytes: width * height * 3,
      input: this.input,
      killGraceMs: this.options.killGraceMs,
      ioTimeoutMs,
    });
    this.decoder = decoder;
    decoder.on('frame', (data) => this.onFrame(decoder, data));
    decoder.on('log', (line) => this.onLog(line));
    decoder.once('exit', (exit) => this.onExit(decoder, exit));

    this.transition('connecting');
    decoder.start();
    this.armStallTimer(decoder);
  }

  private onFrame(decoder: FfmpegDecoder, data: Buffer): void {
    if (decoder !== this.decoder || !this.running) return;
    const now = Date.now();
    this.fpsMeter.record(now);
    this.lastFrameAt = now;
    const seq = this.seq;
    this.seq += 1;

    if (this.state !== 'online') {
      this.transition('online');
      this.armHealthyTimer();
    }
    this.armStallTimer(decoder);

    const { width, height } = this.options;
    this.emit('frame', { cameraId: this.cameraId, seq, capturedAt: now, width, height, data });
  }

  private onLog(line: FfmpegLogLine): void {
    const level = line.level === 'error' || line.level === 'fatal' ? 'warn' : 'debug';
    this.log[level]({ ffmpeg: line }, 'ffmpeg says');
  }

  private onExit(decoder: FfmpegDecoder, exit: DecoderExit): void {
    if (decoder !== this.decoder) return;
    this.decoder = undefined;
    this.clearTimers();
    if (!this.running) return;

    const playsOnce = this.input.kind === 'file' && !this.options.loop;
    const stall = this.stallFailure;
    this.stallFailure = undefined;
    if (stall === undefined && playsOnce && exit.code === 0) {
      this.running = false;
      this.log.info({ frames: exit.frames }, 'camera file ended');
      this.transition('stopped');
      this.emit('ended');
      return;
    }

    const failure = stall ?? exit.failure ?? this.endedError();
    const error = { code: failure.code, message: failure.message, at: Date.now() };
    if (this.cannotMend(failure)) {
      this.running = false;
      this.log.error({ err: failure }, 'camera failed for good');
      this.transition('stopped', error);
      return;
    }
    this.scheduleRetry(failure, error);
  }

  private scheduleRetry(failure: RollcallError, error: CameraError): void {
    const delayMs = backoffDelay(this.failuresInRow, {
      baseMs: this.options.backoffBaseMs,
      maxMs: this.options.backoffMaxMs,
    });
    this.failuresInRow += 1;
    this.log.warn({ err: failure, delayMs, failuresInRow: this.failuresInRow }, 'camera offline');
    this.transition('offline', error);

    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (!this.running) return;
      this.reconnects += 1;
      this.connect();
    }, delayMs);
  }

  /** Retrying cannot help when ffmpeg is missing or a file does not open or decode. */
  private cannotMend(failure: RollcallError): boolean {
    if (failure.code === 'FFMPEG_NOT_FOUND') return true;
    const fileProblem =
      failure.code === 'CAMERA_UNREACHABLE' || failure.code === 'CAMERA_STREAM_INVALID';
    return this.input.kind === 'file' && fileProblem;
  }

  private endedError(): RollcallError {
    const what =
      this.input.kind === 'file'
        ? 'the file stopped playing; it will be opened again'
        : 'the stream ended; it will be reconnected';
    return new RollcallError(
      'CAMERA_STREAM_ENDED',
      `Camera ${describeInput(this.input)}: ${what}.`,
    );
  }

  private armStallTimer(decoder: FfmpegDecoder): void {
    clearTimeout(this.stallTimer);
    const timeoutMs = this.options.stallTimeoutMs;
    this.stallTimer = setTimeout(() => {
      if (decoder !== this.decoder) return;
      this.stallFailure = new RollcallError(
        'CAMERA_STREAM_STALLED',
        `Camera ${describeInput(this.input)}: no frame for ${timeoutMs} ms; restarting ffmpeg ` +
          '(raise stallTimeoutMs for a camera that is slow to start).',
      );
      void decoder.stop();
    }, timeoutMs);
  }

  private armHealthyTimer(): void {
    clearTimeout(this.healthyTimer);
    this.healthyTimer = setTimeout(() => {
      this.failuresInRow = 0;
    }, this.options.backoffResetMs);
  }

  private clearTimers(): void {
    clearTimeout(this.retryTimer);
    clearTimeout(this.stallTimer);
    clearTimeout(this.healthyTimer);
    this.retryTimer = this.stallTimer = this.healthyTimer = undefined;
  }

  /** Sets state and last error; emits `status` once when either changed. */
  private transition(state: CameraState, error?: CameraError): void {
    const changed = state !== this.state || error !== undefined;
    if (state !== this.state) this.since = Date.now();
    this.state = state;
    if (error !== undefined) this.lastError = error;
    if (!changed) return;
    this.log.info({ state, code: error?.code }, 'camera status');
    this.emit('status', this.status);
  }
}
