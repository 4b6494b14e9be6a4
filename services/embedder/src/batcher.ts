/** When a `Batcher` runs what it has collected. */
export interface BatcherOptions {
  /** Run as soon as this many items are waiting. Required, at least 1. */
  readonly maxItems: number;
  /** Run this long after the first waiting item arrived, in ms, however many there are. */
  readonly maxWaitMs: number;
}

interface Waiting<I, O> {
  readonly item: I;
  resolve(output: O): void;
  reject(error: unknown): void;
}

/**
 * Collects items submitted one at a time into batches for `run`, which returns one output
 * per item, in order. Each submitter gets its own output; if `run` fails, every item of
 * that batch fails with the same error.
 */
export class Batcher<I, O> {
  private waiting: Waiting<I, O>[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly run: (items: I[]) => Promise<O[]>,
    private readonly options: BatcherOptions,
  ) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (this.waiting.length >= this.options.maxItems) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.options.maxWaitMs);
    });
  }

  /** Runs whatever is waiting now. */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.waiting;
    this.waiting = [];
    if (batch.length === 0) return;

    const fail = (error: unknown) => batch.forEach((w) => w.reject(error));
    this.run(batch.map((w) => w.item)).then((outputs) => {
      if (outputs.length === batch.length) batch.forEach((w, i) => w.resolve(outputs[i] as O));
      else fail(new Error(`A batch of ${batch.length} items gave ${outputs.length} outputs`));
    }, fail);
  }
}
