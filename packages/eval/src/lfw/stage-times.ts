/** The front-end stages whose cost per face is reported. */
export const STAGES = ['decode', 'detect', 'align', 'embed'] as const;
export type Stage = (typeof STAGES)[number];

/** One stage's cost per face: wall and CPU milliseconds, and the faces it is averaged over. */
export interface StageCost {
  readonly ms: number;
  /**
   * Process CPU time (all threads, user + system). On a machine shared with other work it
   * stays near the idle-core wall time while `ms` grows with the competition for cores.
   */
  readonly cpuMs: number;
  readonly count: number;
}

type Total = { ms: number; cpuMs: number; count: number };

/**
 * Wall and CPU time per stage, summed over the images where the stage actually ran (cached
 * results are not counted), so `perFace` is the cost of computing, not of reading a cache.
 * A stage that runs several times for one image (align and embed, once per recogniser)
 * adds up within the image: per face means all recognisers together. Stages are timed one
 * at a time, so the process's CPU time during a stage is that stage's.
 */
export class StageTimes {
  private readonly totals = new Map<Stage, Total>();
  private readonly touched = new Set<Stage>();

  async time<T>(stage: Stage, work: () => Promise<T> | T): Promise<T> {
    const start = process.hrtime.bigint();
    const cpuStart = process.cpuUsage();
    try {
      return await work();
    } finally {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const cpu = process.cpuUsage(cpuStart);
      const t = this.totals.get(stage) ?? { ms: 0, cpuMs: 0, count: 0 };
      t.ms += ms;
      t.cpuMs += (cpu.user + cpu.system) / 1000;
      this.totals.set(stage, t);
      this.touched.add(stage);
    }
  }

  /** Closes one image: each stage that ran for it counts one face. */
  endImage(): void {
    for (const stage of this.touched) (this.totals.get(stage) as Total).count += 1;
    this.touched.clear();
  }

  /** Mean wall and CPU ms per timed face of each stage, and how many faces that is. */
  perFace(): Record<Stage, StageCost> {
    const out = {} as Record<Stage, StageCost>;
    for (const stage of STAGES) {
      const t = this.totals.get(stage) ?? { ms: 0, cpuMs: 0, count: 0 };
      const per = (v: number) => (t.count === 0 ? 0 : v / t.count);
      out[stage] = { ms: per(t.ms), cpuMs: per(t.cpuMs), count: t.count };
    }
    return out;
  }
}
