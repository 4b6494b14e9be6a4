import { RollcallError } from '@rollcall/errors';

/**
 * True when a producer that prefers freshness should drop the message it is about to
 * append: consumers are more than `bound` entries behind. An unknown lag never drops.
 */
export function shouldDrop(lag: number | null | undefined, bound: number): boolean {
  return typeof lag === 'number' && lag > bound;
}

/**
 * The drop decision with its counts, for producers such as ingest that would rather skip
 * a frame than feed a detector seconds-old ones. Every drop is counted; `dropped` is what
 * the metrics layer reads. Nothing else in the runtime drops a message.
 */
export class DropPolicy {
  private droppedCount = 0;
  private keptCount = 0;

  /** @param bound most undelivered entries tolerated before new ones are dropped */
  constructor(readonly bound: number) {
    if (!Number.isInteger(bound) || bound < 0) {
      throw new RollcallError(
        'INVALID_ARGUMENT',
        `Drop bound is ${bound}; use a whole number of entries, 0 or more.`,
      );
    }
  }

  /** Decides for one message and counts the outcome. */
  shouldDrop(lag: number | null | undefined): boolean {
    const drop = shouldDrop(lag, this.bound);
    if (drop) this.droppedCount += 1;
    else this.keptCount += 1;
    return drop;
  }

  /** Messages dropped so far. */
  get dropped(): number {
    return this.droppedCount;
  }

  /** Messages let through so far. */
  get kept(): number {
    return this.keptCount;
  }
}
