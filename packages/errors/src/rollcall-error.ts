import { ERROR_CODES, type ErrorCode } from './codes';

/**
 * An error raised on purpose: it has a stable `code` from the registry, a message that
 * says what to change, and optional structured `details` safe to return to a client.
 */
export class RollcallError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'RollcallError';
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.details = options.details;
  }

  toJSON(): { code: ErrorCode; message: string; details?: Readonly<Record<string, unknown>> } {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function isRollcallError(value: unknown, code?: ErrorCode): value is RollcallError {
  return value instanceof RollcallError && (code === undefined || value.code === code);
}
