import {
  AttendanceEngine,
  type AttendanceRecord,
  type CameraRole,
  type EngineOptions,
} from '../../src';
import type { FaceMatch } from '../../src';

/**
 * Runs matches through an engine the way the service does (decide, store, commit), with
 * the store being a list, so the rules can be checked without Redis.
 */
export class Scene {
  readonly records: AttendanceRecord[] = [];
  readonly engine: AttendanceEngine;

  constructor(
    options: EngineOptions,
    private readonly roles: Record<string, CameraRole> = {},
  ) {
    this.engine = new AttendanceEngine(options);
  }

  play(matches: readonly FaceMatch[]): AttendanceRecord[] {
    const added: AttendanceRecord[] = [];
    for (const match of matches) {
      const { decision } = this.engine.observe(match, this.roles[match.cameraId] ?? 'entry');
      if (decision.record) added.push(decision.record);
      this.engine.commit(decision);
    }
    this.records.push(...added);
    return added;
  }

  sweep(nowMs: number): AttendanceRecord[] {
    const added: AttendanceRecord[] = [];
    for (const decision of this.engine.sweep(nowMs).decisions) {
      if (decision.record) added.push(decision.record);
      this.engine.commit(decision);
    }
    this.records.push(...added);
    return added;
  }
}
