/**
 * The one adapter around an ffmpeg process: spawns it, cuts its stdout into frames, reads
 * its stderr as structured log lines, turns the way it ended into a coded error, and ends
 * it on request (SIGTERM, SIGKILL after a grace period). `exit` fires exactly once, after
 * the process is gone and its last frame was emitted; Node has reaped it by then.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';

import { RollcallError } from '@rollcall/errors';

import type { CameraInput } from '../input/camera-url';
import { classifyFailure } from './classify-failure';
import { isErrorLevel, LineSplitter, parseFfmpegLine, type FfmpegLogLine } from './ffmpeg-log';
import { FrameSplitter } from './frame-splitter';

export interface FfmpegDecoderOptions {
  /** The ffmpeg binary. */
  readonly ffmpegPath: string;
  readonly args: readonly string[];
  /** Bytes per output frame (width x height x 3 for rgb24). */
  readonly frameBytes: number;
  /** The input, so a failure can say which camera and what to check. */
  readonly input: CameraInput;
  /** How long `stop()` waits after SIGTERM before SIGKILL. */
  readonly killGraceMs: number;
  /** The socket I/O timeout in the arguments, so a silent server can be told apart. */
  readonly ioTimeoutMs: number;
}

export interface DecoderExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** True when `stop()` ended it. */
  readonly requested: boolean;
  readonly frames: number;
  /** Why it ended, when it was not asked to and did not end cleanly. */
  readonly failure?: RollcallError;
}

export interface DecoderEvents {
  frame: [data: Buffer];
  log: [line: FfmpegLogLine];
  exit: [result: DecoderExit];
}

/** How many error lines are kept to explain a failure. */
const KEPT_ERROR_LINES = 20;

export class FfmpegDecoder extends EventEmitter<DecoderEvents> {
  private child: ChildProcess | undefined;
  private finished = false;
  private requested = false;
  private frames = 0;
  private startedAt = 0;
  private readonly errorLines: string[] = [];
  private readonly exited: Promise<void>;
  private markExited!: () => void;

  constructor(private readonly options: FfmpegDecoderOptions) {
    super();
    this.exited = new Promise((resolve) => (this.markExited = resolve));
  }

  /** The ffmpeg process id while it runs. */
  get pid(): number | undefined {
    return this.finished ? undefined : this.child?.pid;
  }

  start(): void {
    if (this.child !== undefined) return;
    this.startedAt = Date.now();
    const child = spawn(this.options.ffmpegPath, this.options.args, {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.readFrames(child);
    this.readLog(child);

    child.on('error', (error: NodeJS.ErrnoException) => this.onChildError(child, error));
    child.once('close', (code, signal) => this.finish(code, signal));
  }

  /** Ends ffmpeg and resolves once it has exited. Safe to call at any time, repeatedly. */
  async stop(): Promise<void> {
    const child = this.child;
    if (child === undefined || this.finished) return;
    this.requested = true;

    const force = setTimeout(() => child.kill('SIGKILL'), this.options.killGraceMs);
    child.kill('SIGTERM');
    await this.exited;
    clearTimeout(force);
  }

  private readFrames(child: ChildProcess): void {
    const splitter = new FrameSplitter(this.options.frameBytes);
    child.stdout?.on('data', (chunk: Buffer) => {
      for (const frame of splitter.push(chunk)) {
        this.frames += 1;
        this.emit('frame', frame);
      }
    });
    child.stdout?.on('error', () => undefined);
  }

  private readLog(child: ChildProcess): void {
    const lines = new LineSplitter();
    const onLines = (texts: string[]): void => {
      for (const text of texts) {
        const line = parseFfmpegLine(text);
        if (isErrorLevel(line.level)) this.keepErrorLine(line.message);
        this.emit('log', line);
      }
    };
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (text: string) => onLines(lines.push(text)));
    child.stderr?.on('end', () => onLines(lines.flush()));
    child.stderr?.on('error', () => undefined);
  }

  private keepErrorLine(message: string): void {
    this.errorLines.push(message);
    if (this.errorLines.length > KEPT_ERROR_LINES) this.errorLines.shift();
  }

  /** Node reports a failed spawn (and a failed kill) here; only a failed spawn ends the run. */
  private onChildError(child: ChildProcess, error: NodeJS.ErrnoException): void {
    if (child.pid !== undefined) return;
    const missing = error.code === 'ENOENT' || error.code === 'EACCES';
    const failure = missing
      ? new RollcallError(
          'FFMPEG_NOT_FOUND',
          `ffmpeg could not be started from "${this.options.ffmpegPath}" (${error.code}); ` +
            'install ffmpeg or set the ffmpeg path option to its binary.',
          { cause: error },
        )
      : new RollcallError('FFMPEG_FAILED', `ffmpeg could not be started: ${error.message}.`, {
          cause: error,
        });
    this.finish(null, null, failure);
  }

  private finish(code: number | null, signal: NodeJS.Signals | null, spawnFailure?: RollcallError) {
    if (this.finished) return;
    this.finished = true;

    const clean = code === 0 && this.errorLines.length === 0;
    const failure =
      spawnFailure ??
      (this.requested || clean
        ? undefined
        : classifyFailure(this.options.input, {
            code,
            signal,
            errorLines: this.errorLines,
            sawFrames: this.frames > 0,
            elapsedMs: Date.now() - this.startedAt,
            ioTimeoutMs: this.options.ioTimeoutMs,
          }));

    this.markExited();
    this.emit('exit', {
      code,
      signal,
      requested: this.requested,
      frames: this.frames,
      ...(failure === undefined ? {} : { failure }),
    });
  }
}
