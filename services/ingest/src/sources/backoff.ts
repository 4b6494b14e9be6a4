/**
 * How long to wait before reconnecting a camera: exponential in the number of failures in
 * a row, capped, with "equal jitter" (half the delay fixed, half random), so a building of
 * cameras that dropped together does not reconnect in lock-step, yet none retries at once.
 */

export interface BackoffOptions {
  /** Delay before the first retry, before jitter, in ms. */
  readonly baseMs: number;
  /** Largest delay, before jitter, in ms. */
  readonly maxMs: number;
}

/** Delay in ms before retry number `failures` (0 for the first retry). */
export function backoffDelay(
  failures: number,
  options: BackoffOptions,
  random: () => number = Math.random,
): number {
  const exponential = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, failures));
  return Math.round(exponential / 2 + (random() * exponential) / 2);
}
