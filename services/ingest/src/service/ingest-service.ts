import type { Logger } from '@rollcall/log';
import { abortableSleep, CONSUMER_GROUPS, type KeySpace } from '@rollcall/streams';
import type { Redis } from 'ioredis';

import { lastChangeId, readCameraChanges } from '../cameras/camera-changes';
import {
  listCameraIds,
  readCameraConfig,
  sameSource,
  type CameraConfig,
} from '../cameras/camera-config';
import { inShard } from '../cameras/shard';
import { LagProbe } from '../publish/lag-probe';
import type { IngestSettings } from '../settings/ingest-settings';
import type { CameraSourceOptions } from '../sources/camera-source-options';
import { RunningCamera, type CameraDeps } from './running-camera';

export interface IngestServiceOptions {
  /** Appends, status and configuration reads. Not closed by the service. */
  readonly redis: Redis;
  readonly keys: KeySpace;
  readonly settings: IngestSettings;
  readonly logger: Logger;
  /** How long one read of the camera change stream blocks. Default 5000 ms. */
  readonly blockMs?: number;
  /**
   * Every this often the running cameras are compared with the configuration in full,
   * whatever the change stream said: a change trimmed from the stream, or written while
   * Redis was away, is picked up within this time. Default 30 000 ms.
   */
  readonly reconcileMs?: number;
  /** Extra options for every camera source (tests shorten timeouts and backoff). */
  readonly sourceOptions?: Partial<CameraSourceOptions>;
}

/**
 * Runs every camera of this process's shard and follows the API's edits: the cameras in
 * Redis are loaded, then the camera change stream is read (from the position taken before
 * the load, so no edit falls between the two) and each change re-reads that camera's
 * configuration: a new camera starts, a changed URL or fps restarts ffmpeg, a removed
 * camera stops and its status goes. Changes are applied one at a time, in order.
 */
export class IngestService {
  private readonly running = new Map<string, RunningCamera>();
  private readonly deps: CameraDeps;
  private readonly log: Logger;
  private position = '0-0';
  private lastReconcileAt = 0;

  constructor(private readonly options: IngestServiceOptions) {
    this.log = options.logger;
    this.deps = {
      redis: options.redis,
      keys: options.keys,
      settings: options.settings,
      logger: options.logger,
      lag: new LagProbe(options.redis, options.keys.frames, CONSUMER_GROUPS.detector),
      ...(options.sourceOptions === undefined ? {} : { sourceOptions: options.sourceOptions }),
    };
  }

  /** The cameras running now, by id. */
  get cameras(): ReadonlyMap<string, RunningCamera> {
    return this.running;
  }

  /** Runs until `signal` fires, then stops every camera (their last status is kept). */
  async run(signal: AbortSignal): Promise<void> {
    const reader = this.options.redis.duplicate({ lazyConnect: true });
    reader.on('error', (error: unknown) => this.log.debug({ err: error }, 'reader error'));
    try {
      await this.startUp(signal);
      await reader.connect();
      const stop = () => reader.disconnect();
      signal.addEventListener('abort', stop, { once: true });
      while (!signal.aborted) await this.step(reader, signal);
      signal.removeEventListener('abort', stop);
    } finally {
      if (reader.status !== 'end') reader.disconnect();
      await this.stopAll();
    }
  }

  /** Position first, then the full load: an edit made in between is read again, not lost. */
  private async startUp(signal: AbortSignal): Promise<void> {
    for (;;) {
      try {
        this.position = await lastChangeId(this.options.redis, this.options.keys);
        await this.reconcile();
        return;
      } catch (error) {
        if (signal.aborted) return;
        this.log.warn({ err: error }, 'cameras not loaded, retrying');
        await abortableSleep(1_000, signal);
      }
    }
  }

  private async step(reader: Redis, signal: AbortSignal): Promise<void> {
    try {
      const { keys } = this.options;
      const changes = await readCameraChanges(reader, keys, this.position, this.blockMs);
      for (const change of changes) {
        if (change.cameraId !== '') await this.apply(change.cameraId);
        this.position = change.id;
      }
      if (Date.now() - this.lastReconcileAt >= (this.options.reconcileMs ?? 30_000)) {
        await this.reconcile();
      }
    } catch (error) {
      if (signal.aborted) return;
      this.log.warn({ err: error }, 'camera change read failed, retrying');
      await abortableSleep(1_000, signal);
    }
  }

  private get blockMs(): number {
    return this.options.blockMs ?? 5_000;
  }

  /** Makes the running cameras match the configuration, whatever happened before. */
  private async reconcile(): Promise<void> {
    const { redis, keys, settings } = this.options;
    const ids = (await listCameraIds(redis, keys)).filter((id) => inShard(id, settings.shard));
    const wanted = new Set(ids);
    for (const id of this.running.keys()) if (!wanted.has(id)) await this.apply(id);
    for (const id of ids) await this.apply(id);
    this.lastReconcileAt = Date.now();
  }

  /** Brings one camera in line with its configuration in Redis. */
  private async apply(cameraId: string): Promise<void> {
    const { redis, keys, settings } = this.options;
    const config = inShard(cameraId, settings.shard)
      ? await readCameraConfig(redis, keys, cameraId)
      : undefined;
    const current = this.running.get(cameraId);

    if (config === undefined) {
      if (current === undefined) return;
      this.running.delete(cameraId);
      await current.stop({ forget: true });
      this.log.info({ cameraId }, 'camera removed');
      return;
    }
    if (current !== undefined && sameSource(current.config, config)) return;

    if (current !== undefined) {
      this.running.delete(cameraId);
      await current.stop({ forget: false });
    }
    this.startCamera(config);
  }

  private startCamera(config: CameraConfig): void {
    try {
      const camera = new RunningCamera(config, this.deps);
      this.running.set(config.id, camera);
      camera.start();
      this.log.info({ cameraId: config.id, name: config.name }, 'camera started');
    } catch (error) {
      // A URL the API accepted but ffmpeg options refuse: say so in the status, keep going.
      this.log.error({ err: error, cameraId: config.id }, 'camera cannot start');
      void this.writeRefusal(config.id, error);
    }
  }

  private async writeRefusal(cameraId: string, error: unknown): Promise<void> {
    const code = (error as { code?: unknown }).code;
    await this.options.redis
      .hset(this.options.keys.cameraStatus(cameraId), {
        state: 'stopped',
        lastErrorCode: typeof code === 'string' ? code : 'INTERNAL',
        lastErrorMessage: error instanceof Error ? error.message : String(error),
        lastErrorAt: String(Date.now()),
        ingest: this.options.settings.name,
        updatedAt: String(Date.now()),
      })
      .catch(() => undefined);
  }

  private async stopAll(): Promise<void> {
    const cameras = [...this.running.values()];
    this.running.clear();
    await Promise.all(cameras.map((camera) => camera.stop({ forget: false })));
  }
}
