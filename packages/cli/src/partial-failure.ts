import type { ErrorCode } from '@rollcall/errors';

/**
 * Thrown after a command printed its result when some of its inputs failed (say two of
 * five images were unreadable): the result stands, and the exit code still says so.
 */
export class PartialFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PartialFailure';
  }
}
