/**
 * Calls `onOrphaned` once when this process's parent is gone (Linux re-parents an
 * orphan, so `process.ppid` changes). A launcher that is killed with SIGKILL cannot stop
 * its children; this lets them stop themselves instead of running on unsupervised.
 * Returns a function that stops watching.
 */
export function watchParent(onOrphaned: () => void, everyMs = 1_000): () => void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    onOrphaned();
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** Set by a launcher in its children's environment: they stop when it is gone. */
export const EXIT_WITH_PARENT_VARIABLE = 'ROLLCALL_EXIT_WITH_PARENT';
