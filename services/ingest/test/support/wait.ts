import { existsSync } from 'node:fs';

/**
 * Polls `check` until it returns a truthy value and resolves with it; rejects after
 * `timeoutMs` with `what` in the message, so no wait in these tests is unbounded.
 */
export async function waitFor<T>(
  what: string,
  check: () => T | undefined | false,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** True while a process with this id exists, zombies included (`/proc/<pid>` is there). */
export function processExists(pid: number): boolean {
  return existsSync(`/proc/${pid}`);
}

/** `promise`, or a rejection naming `what` after `timeoutMs`; the timer is always cleared. */
export async function within<T>(what: string, promise: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
