import { RollcallError, isRollcallError, type ErrorCode } from '@rollcall/errors';

// Codes that describe the input itself: a retry reads the same bytes and fails the same way.
const INPUT_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'IMAGE_EMPTY',
  'IMAGE_UNREADABLE',
  'IMAGE_UNSUPPORTED_FORMAT',
  'IMAGE_TOO_LARGE',
  'IMAGE_TOO_SMALL',
  'IMAGE_RAW_SIZE_MISMATCH',
  'INVALID_ARGUMENT',
  'EMBEDDING_MALFORMED',
]);

/**
 * `error` as `STREAM_ENTRY_INVALID` when it is about the entry's content, so the consumer
 * dead-letters the entry at once instead of retrying it; the original code leads the
 * message, which the dead letter keeps as `dead:error`. Other errors (a model that failed,
 * Redis) are returned as they are, to be retried.
 */
export function asBadEntry(error: unknown, what: string): unknown {
  if (!isRollcallError(error) || !INPUT_CODES.has(error.code)) return error;
  return new RollcallError('STREAM_ENTRY_INVALID', `${what}: ${error.code}: ${error.message}`, {
    details: { cause: error.code, ...error.details },
    cause: error,
  });
}
