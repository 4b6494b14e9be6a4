import { Metadata, status, type ServiceError } from '@grpc/grpc-js';
import { isErrorCode, isRollcallError, type ErrorCode } from '@rollcall/errors';

/** Metadata key carrying the error-registry code of a failed call. */
export const ERROR_CODE_METADATA = 'rollcall-code';

/**
 * A gRPC error for `error`: a `RollcallError` keeps its registry code (in the metadata and
 * in front of the message) and gets the status its HTTP status stands for; anything else is
 * `INTERNAL`, without its message, which may hold paths or internals.
 */
export function toServiceError(error: unknown): Partial<ServiceError> {
  const metadata = new Metadata();
  if (!isRollcallError(error)) {
    return { code: status.INTERNAL, details: 'internal error', metadata };
  }

  metadata.set(ERROR_CODE_METADATA, error.code);
  return {
    code: grpcStatusFor(error.status),
    details: `${error.code}: ${error.message}`,
    metadata,
  };
}

/** The registry code a failed call carries, if any. */
export function errorCodeOf(error: Pick<ServiceError, 'metadata'>): ErrorCode | undefined {
  const value = error.metadata?.get(ERROR_CODE_METADATA)[0];
  const code = typeof value === 'string' ? value : value?.toString('utf8');
  return code !== undefined && isErrorCode(code) ? code : undefined;
}

// The HTTP statuses the registry uses, read the way gRPC's HTTP mapping reads them.
function grpcStatusFor(httpStatus: number): status {
  if (httpStatus === 404) return status.NOT_FOUND;
  if (httpStatus === 409) return status.FAILED_PRECONDITION;
  if (httpStatus === 413) return status.RESOURCE_EXHAUSTED;
  if (httpStatus === 502 || httpStatus === 503) return status.UNAVAILABLE;
  if (httpStatus === 501) return status.UNIMPLEMENTED;
  if (httpStatus >= 400 && httpStatus < 500) return status.INVALID_ARGUMENT;
  return status.INTERNAL;
}
