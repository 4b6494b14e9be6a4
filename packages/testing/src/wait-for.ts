/** Options of {@link waitFor}. */
export interface WaitForOptions {
  /** How long to keep polling before failing. Default 10,000 ms. */
  timeoutMs?: number;
  /** Pause between two polls. Default 20 ms. */
  intervalMs?: number;
}

/**
 * Polls `condition` until it returns a truthy value or `timeoutMs` passes, instead of
 * sleeping a guessed time, and returns that value. The failure names what was awaited and
 * the last value seen.
 */
export async function waitFor<T>(
  what: string,
  condition: () => T | Promise<T>,
  { timeoutMs = 10_000, intervalMs = 20 }: WaitForOptions = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await condition();
    if (last) return last as NonNullable<T>;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what} (last: ${String(last)})`);
}
