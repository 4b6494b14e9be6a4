import { encodeEntry } from '@rollcall/contracts';
import { appendEntry, DropPolicy, type StreamRef } from '@rollcall/streams';
import type { Redis } from 'ioredis';

import type { FrameFormat } from '../settings/ingest-settings';
import type { CameraFrame } from '../sources/camera-status';
import { frameMessage } from './frame-message';
import type { LagProbe } from './lag-probe';

/** Counts for one camera's frames, kept in its status. */
export interface PublishCounts {
  /** Frames appended to the frames stream. */
  published: number;
  /** Frames dropped because the detectors lagged (see `ROLLCALL_INGEST_MAX_LAG`). */
  dropped: number;
  /** Frames lost because the append failed (Redis away); the error is in the log. */
  failed: number;
}

export interface FramePublisherOptions {
  readonly redis: Redis;
  readonly frames: StreamRef;
  readonly lag: LagProbe;
  readonly maxLag: number;
  readonly format: FrameFormat;
  readonly jpegQuality: number;
}

/**
 * Puts one camera's frames on the frames stream, newest first in spirit: when the detector
 * group is more than `maxLag` frames behind, a frame is dropped (and counted) rather than
 * queued, so detectors always work on what the camera sees now. A frame that arrives while
 * the previous one is still being encoded or appended is dropped too: a camera never has
 * more than one frame in flight, so a slow Redis cannot pile frames up in memory.
 */
export class FramePublisher {
  readonly counts: PublishCounts = { published: 0, dropped: 0, failed: 0 };
  private readonly policy: DropPolicy;
  private busy = false;

  constructor(private readonly options: FramePublisherOptions) {
    this.policy = new DropPolicy(options.maxLag);
  }

  /** Publishes or drops `frame`; rejects only with the append's error (counted as failed). */
  async publish(frame: CameraFrame): Promise<'published' | 'dropped'> {
    if (this.busy || this.policy.shouldDrop(await this.options.lag.lag())) {
      this.counts.dropped += 1;
      return 'dropped';
    }

    this.busy = true;
    try {
      const message = await frameMessage(frame, this.options.format, this.options.jpegQuality);
      await appendEntry(this.options.redis, this.options.frames, encodeEntry('Frame', message));
      this.counts.published += 1;
      return 'published';
    } catch (error) {
      this.counts.failed += 1;
      throw error;
    } finally {
      this.busy = false;
    }
  }
}
