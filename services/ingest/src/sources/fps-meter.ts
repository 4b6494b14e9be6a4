/** Measures a frame rate over a sliding window of recent frame times. */
export class FpsMeter {
  private readonly times: number[] = [];

  constructor(private readonly windowMs: number) {}

  record(atMs: number): void {
    this.times.push(atMs);
    this.prune(atMs);
  }

  /** Frames per second over the window ending at `nowMs`; 0 with fewer than two frames. */
  fps(nowMs: number): number {
    this.prune(nowMs);
    const first = this.times[0];
    const last = this.times[this.times.length - 1];
    if (first === undefined || last === undefined || last === first) return 0;
    return ((this.times.length - 1) * 1000) / (last - first);
  }

  reset(): void {
    this.times.length = 0;
  }

  private prune(nowMs: number): void {
    while (this.times.length > 0 && (this.times[0] ?? nowMs) < nowMs - this.windowMs) {
      this.times.shift();
    }
  }
}
