import { groupLag, type StreamRef } from '@rollcall/streams';
import type { Redis } from 'ioredis';

/**
 * The detector group's lag on the frames stream, asked of Redis at most once per
 * `maxAgeMs` however many cameras publish: at 4 cameras x 5 fps an XINFO per frame would
 * be 20 round trips a second for a number that changes slowly. Null while unknown (no
 * detector has created its group yet, or Redis did not answer): unknown never drops.
 */
export class LagProbe {
  private value: number | null = null;
  private checkedAt = -Infinity;
  private inFlight: Promise<void> | undefined;

  constructor(
    private readonly redis: Redis,
    private readonly stream: StreamRef,
    private readonly group: string,
    private readonly maxAgeMs = 200,
  ) {}

  /** The last known lag; starts a refresh when it is older than `maxAgeMs`. */
  async lag(now = Date.now()): Promise<number | null> {
    if (now - this.checkedAt >= this.maxAgeMs) {
      this.checkedAt = now;
      this.inFlight ??= this.refresh().finally(() => {
        this.inFlight = undefined;
      });
      await this.inFlight;
    }
    return this.value;
  }

  private async refresh(): Promise<void> {
    try {
      this.value = await groupLag(this.redis, this.stream, this.group);
    } catch {
      this.value = null;
    }
  }
}
