/** Times the stages of one call: `time('detect', fn)` adds fn's duration to `detect`. */
export class StageClock<Stage extends string> {
  private readonly totals = new Map<Stage, number>();

  async time<T>(stage: Stage, work: () => Promise<T> | T): Promise<T> {
    const start = process.hrtime.bigint();
    try {
      return await work();
    } finally {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      this.totals.set(stage, (this.totals.get(stage) ?? 0) + ms);
    }
  }

  ms(stage: Stage): number {
    return this.totals.get(stage) ?? 0;
  }
}
