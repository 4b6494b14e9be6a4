import type { Logger } from '@rollcall/log';

/** How a service's main function is tied to process signals. */
export interface RunUntilSignalledOptions {
  /** Signals that ask for a clean stop. Default `['SIGTERM', 'SIGINT']`. */
  signals?: NodeJS.Signals[];
  /** Runs after `run` has finished (close Redis connections here). Default: nothing. */
  close?: () => Promise<void>;
  /** Where the stop is logged. Default: not logged. */
  logger?: Logger;
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
  const removeListeners = () => signals.forEach((name) => process.off(name, onSignal));
  signals.forEach((name) => process.on(name, onSignal));

  try {
    return await run(controller.signal);
  } finally {
    removeListeners();
    await options.close?.();
  }
}
