import type { Logger } from '@rollcall/log';

import { EXIT_WITH_PARENT_VARIABLE, watchParent } from './parent-watch';

/** How a service's main function is tied to process signals. */
export interface RunUntilSignalledOptions {
  /** Signals that ask for a clean stop. Default `['SIGTERM', 'SIGINT']`. */
  signals?: NodeJS.Signals[];
  /** Runs after `run` has finished (close Redis connections here). Default: nothing. */
  close?: () => Promise<void>;
  /**
   * Longest wait for `close` and, after it, for the process to end by itself, in ms. A
   * `quit()` to a Redis that is down waits for a reconnect that may never come, and a
   * service asked to stop must stop: past this time it exits. Default 5000.
   */
  closeTimeoutMs?: number;
  /** Where the stop is logged. Default: not logged. */
  logger?: Logger;
  /**
   * Also stop cleanly when the parent process is gone. Default: when the environment has
   * `ROLLCALL_EXIT_WITH_PARENT=1`, which the one-machine launcher sets for its services.
   */
  exitWithParent?: boolean;
}

/**
 * Runs `run` with a signal that fires on SIGTERM or SIGINT, waits for it to finish (a
 * consumer resolves only after its in-flight handler is done), then runs `close`.
 * A second signal while stopping is re-raised with the default action, so an operator can
 * still kill a handler that hangs.
 */
export async function runUntilSignalled<T>(
  run: (signal: AbortSignal) => Promise<T>,
  options: RunUntilSignalledOptions = {},
): Promise<T> {
  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  const controller = new AbortController();

  const onSignal = (name: NodeJS.Signals) => {
    if (controller.signal.aborted) {
      removeListeners();
      process.kill(process.pid, name);
      return;
    }
    options.logger?.info({ signal: name }, 'stopping');
    controller.abort(new Error(`received ${name}`));
  };
  const exitWithParent = options.exitWithParent ?? process.env[EXIT_WITH_PARENT_VARIABLE] === '1';
  const stopWatching = exitWithParent
    ? watchParent(() => {
        options.logger?.warn('the launcher is gone; stopping');
        controller.abort(new Error('the parent process exited'));
      })
    : () => undefined;
  const removeListeners = () => {
    stopWatching();
    signals.forEach((name) => process.off(name, onSignal));
  };
  signals.forEach((name) => process.on(name, onSignal));

  try {
    return await run(controller.signal);
  } finally {
    removeListeners();
    await closeWithin(options, options.closeTimeoutMs ?? 5_000);
  }
}

/**
 * Runs `close`, giving up after `timeoutMs` (logged), then arms an exit for a process that
 * something (a reconnect timer, a socket) still keeps alive: a clean stop never waits on it,
 * since the timer does not hold the event loop open itself.
 */
async function closeWithin(options: RunUntilSignalledOptions, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), timeoutMs);
  });
  try {
    const closed = (options.close?.() ?? Promise.resolve()).then(() => 'closed' as const);
    const outcome = await Promise.race([closed, late]);
    if (outcome === 'late') options.logger?.warn({ timeoutMs }, 'close did not finish; exiting');
  } finally {
    clearTimeout(timer);
    setTimeout(() => process.exit(process.exitCode ?? 0), timeoutMs).unref();
  }
}
