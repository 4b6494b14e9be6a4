/** The front-end stages whose cost per face is reported. */
export const STAGES = ['decode', 'detect', 'align', 'embed'] as const;
export type Stage = (typeof STAGES)[number];

/**
 * Wall time per stage, summed over the images where the stage actually ran (cached
 * results are not counted), so `perFace` is the cost of computing, not of reading a cache.
 * A stage that runs several times for one image (align and embed, once per recogniser)
 * adds up within the image: per face means all recognisers together.
 */
export class StageTimes {
  private readonly totals = new Map<Stage, { ms: number; count: number }>();
  private readonly touched = new Set<Stage>();

  async time<T>(stage: Stage, work: () => Promise<T> | T): Promise<T> {
    const start = process.hrtime.bigint();
    try {
      return await work();
    } finally {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const t = this.totals.get(stage) ?? { ms: 0, count: 0 };
      this.totals.set(stage, { ms: t.ms + ms, count: t.count });
      this.touched.add(stage);
    }
  }

  /** Closes one image: each stage that ran for it counts one face. */
  endImage(): void {
    for (const stage of this.touched) {
      const t = this.totals.get(stage) as { ms: number; count: number };
      this.totals.set(stage, { ms: t.ms, count: t.count + 1 });
    }
    this.touched.clear();
  }

  /** Mean ms per timed run of each stage, and how many runs the mean is over. */
  perFace(): Record<Stage, { ms: number; count: number }> {
    const out = {} as Record<Stage, { ms: number; count: number }>;
    for (const stage of STAGES) {
      const t = this.totals.get(stage) ?? { ms: 0, count: 0 };
      out[stage] = { ms: t.count === 0 ? 0 : t.ms / t.count, count: t.count };
    }
    return out;
  }
}
