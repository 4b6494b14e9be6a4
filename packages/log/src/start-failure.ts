import { isRollcallError } from '@rollcall/errors';

import { createLogger } from './create-logger';

/** Where a failure is written; default: process.stderr. */
export type WriteLine = (line: string) => void;

/**
 * Reports why a service stopped. A `RollcallError` (a bad setting, an absent model pack,
 * Redis refusing) is the operator's to fix, so it is one line, `<service>: <CODE>:
 * <message>`, without a stack that would bury it. Anything else is a bug: it is logged
 * with its stack as a fatal line, or written to stderr as it is when no logger can be made
 * (the logger's own settings may be what failed).
 */
export function reportStartFailure(
  service: string,
  error: unknown,
  write: WriteLine = (line) => process.stderr.write(`${line}\n`),
): void {
  if (isRollcallError(error)) {
    write(`${service}: ${error.code}: ${error.message}`);
    return;
  }
  try {
    createLogger({ service }).fatal({ err: error }, 'stopped');
  } catch {
    write(`${service}: stopped on an unexpected error:`);
    write(error instanceof Error ? (error.stack ?? error.message) : String(error));
  }
}

/**
 * Runs a service's `main`, and when it rejects reports why (`reportStartFailure`) and
 * exits with code 1. It exits rather than setting the code: a client opened before the
 * failure (Redis, say) would otherwise keep the process alive with nothing to do. Writes
 * to stderr and pino's default stdout destination are synchronous, so nothing is lost.
 * The one way every `services/<name>/src/main.ts` ends.
 */
export function runService(service: string, main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    reportStartFailure(service, error);
    process.exit(1);
  });
}
