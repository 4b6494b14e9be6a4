import { cameraLogger, trackLogger, type Logger } from '@rollcall/log';

import type { Observation } from '../engine/attendance-engine';
import type { WriteOutcome } from '../store/record-store';
import type { Decision } from '../rules/attendance-rules';
import type { Track } from '../tracking/track';

/**
 * The service's log lines about tracks and records, each on a child logger bound to the
 * camera and the track, so one person's path through a camera is one query.
 */
export class DecisionLog {
  private readonly cameras = new Map<string, Logger>();

  constructor(private readonly logger: Logger) {}

  observed(observation: Observation): void {
    const { track, started, ended, attribution, attributed } = observation;
    for (const gone of ended) this.ended(gone);
    if (started) this.track(track).debug({ startedAtMs: track.startedAtMs }, 'track started');
    if (attributed && attribution) {
      this.track(track).info(
        { personId: attribution.personId, windowStartMs: attribution.windowStartMs },
        'track attributed',
      );
    }
  }

  stored(track: Pick<Track, 'id' | 'cameraId'>, decision: Decision, outcome: WriteOutcome): void {
    const { record } = decision;
    if (record === undefined) return;
    const context = {
      recordId: record.recordId,
      personId: record.personId,
      type: record.type,
      atMs: record.atMs,
    };
    if (outcome === 'written') this.track(track).info(context, 'attendance recorded');
    else this.track(track).info(context, 'attendance record already stored');
  }

  ended(track: Track): void {
    this.track(track).debug({ sightings: track.sightings }, 'track ended');
  }

  private track(track: Pick<Track, 'id' | 'cameraId'>): Logger {
    return trackLogger(this.camera(track.cameraId), track.id);
  }

  private camera(cameraId: string): Logger {
    let logger = this.cameras.get(cameraId);
    if (logger === undefined) {
      logger = cameraLogger(this.logger, cameraId);
      this.cameras.set(cameraId, logger);
    }
    return logger;
  }
}
