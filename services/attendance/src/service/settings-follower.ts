import type { Logger } from '@rollcall/log';
import type { Settings, SettingsSource } from '@rollcall/settings';

import type { AttendanceEngine } from '../engine/attendance-engine';
import type { RecordStore } from '../store/record-store';

/**
 * Keeps the engine and the store on the operator's settings: cooldown and vote window for
 * the engine, the time zone of the by-day index for the store. The service calls `follow`
 * before each match and each sweep, inside its serial queue, so a decision is made wholly
 * under the old settings or wholly under the new. The source's cache bounds the cost to one
 * read per refresh interval; an unchanged answer changes nothing.
 */
export class SettingsFollower {
  private applied: Settings | undefined;

  constructor(
    private readonly source: SettingsSource,
    private readonly engine: AttendanceEngine,
    private readonly store: RecordStore,
    private readonly logger: Logger,
  ) {}

  async follow(): Promise<void> {
    const next = await this.source.get();
    if (this.applied !== undefined && sameRules(this.applied, next)) return;

    this.engine.retune({
      voting: { windowMs: next.voteWindowMs },
      rules: { cooldownMs: next.cooldownMs },
    });
    this.store.useTimeZone(next.timeZone);
    this.applied = next;
    const { cooldownMs, voteWindowMs, timeZone } = next;
    this.logger.info({ settings: { cooldownMs, voteWindowMs, timeZone } }, 'settings applied');
  }
}

/** The threshold is the matcher's business; a change of it alone is not applied here. */
function sameRules(a: Settings, b: Settings): boolean {
  return (
    a.cooldownMs === b.cooldownMs && a.voteWindowMs === b.voteWindowMs && a.timeZone === b.timeZone
  );
}
