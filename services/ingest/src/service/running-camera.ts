import type { Logger } from '@rollcall/log';
import type { KeySpace } from '@rollcall/streams';
import type { Redis } from 'ioredis';

import type { CameraConfig } from '../cameras/camera-config';
import { FramePublisher } from '../publish/frame-publisher';
import type { LagProbe } from '../publish/lag-probe';
import type { IngestSettings } from '../settings/ingest-settings';
import { CameraSource } from '../sources/camera-source';
import type { CameraSourceOptions } from '../sources/camera-source-options';
import { statusFields } from '../status/status-fields';

/** What a running camera shares with its siblings in one ingest process. */
export interface CameraDeps {
  readonly redis: Redis;
  readonly keys: KeySpace;
  readonly lag: LagProbe;
  readonly settings: IngestSettings;
  readonly logger: Logger;
  /** Extra source options (tests shorten timeouts and backoff). */
  readonly sourceOptions?: Partial<CameraSourceOptions>;
}

/**
 * One configured camera at work: its source, its publisher, and its status in Redis. The
 * status is written on every state change and every `statusIntervalMs` (for fps and the
 * counts), and removed when the camera is removed.
 */
export class RunningCamera {
  readonly source: CameraSource;
  private readonly publisher: FramePublisher;
  private readonly log: Logger;
  private statusTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  private lastFailureLogAt = 0;
  private pendingWrite: Promise<void> = Promise.resolve();

  /** Throws `CAMERA_URL_INVALID` or `CONFIG_INVALID` for a camera that cannot be set up. */
  constructor(
    readonly config: CameraConfig,
    private readonly deps: CameraDeps,
  ) {
    const { settings } = deps;
    this.log = deps.logger.child({ cameraId: config.id });
    this.source = new CameraSource({
      cameraId: config.id,
      url: config.url,
      fps: config.fps ?? settings.fps,
      width: settings.width,
      height: settings.height,
      loop: config.loop,
      logger: deps.logger,
      ...deps.sourceOptions,
    });
    this.publisher = new FramePublisher({
      redis: deps.redis,
      frames: deps.keys.frames,
      lag: deps.lag,
      maxLag: settings.maxLag,
      format: settings.format,
      jpegQuality: settings.jpegQuality,
    });
  }

  get counts() {
    return this.publisher.counts;
  }

  start(): void {
    this.source.on('frame', (frame) => {
      this.publisher.publish(frame).catch((error: unknown) => this.onPublishFailed(error));
    });
    this.source.on('status', () => this.queueStatus());
    this.statusTimer = setInterval(() => this.queueStatus(), this.deps.settings.statusIntervalMs);
    this.source.start();
  }

  /** Stops ffmpeg; with `forget`, the camera was removed and its status is deleted too. */
  async stop(options: { forget: boolean }): Promise<void> {
    this.stopped = true;
    clearInterval(this.statusTimer);
    await this.source.stop();
    // A write queued before the stop must land before the delete, or it would bring back
    // the status of a removed camera.
    await this.pendingWrite;
    if (options.forget) await this.deps.redis.del(this.deps.keys.cameraStatus(this.config.id));
    else await this.writeStatus();
  }

  /** Writes are chained, so an older status never lands after a newer one. */
  private queueStatus(): void {
    if (this.stopped) return;
    this.pendingWrite = this.pendingWrite.then(() => this.writeStatus());
  }

  private async writeStatus(): Promise<void> {
    const fields = statusFields(
      this.source.status,
      this.publisher.counts,
      this.deps.settings.name,
      Date.now(),
    );
    try {
      await this.deps.redis.hset(this.deps.keys.cameraStatus(this.config.id), fields);
    } catch (error) {
      this.log.warn({ err: error }, 'camera status not written');
    }
  }

  /** Logged at most every 5 s: a Redis outage would otherwise log every frame. */
  private onPublishFailed(error: unknown): void {
    const now = Date.now();
    if (now - this.lastFailureLogAt < 5_000) return;
    this.lastFailureLogAt = now;
    this.log.warn({ err: error, failed: this.publisher.counts.failed }, 'frames not published');
  }
}
