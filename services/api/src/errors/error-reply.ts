import { isRollcallError, RollcallError } from '@rollcall/errors';
import type { FastifyError } from 'fastify';

import { payloadTooLarge, type RequestLimits } from './limit-errors';
import { isRedisUnreachable, redisUnavailable } from './redis-failure';

/** The body of every error the API answers with. */
export interface ErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly details?: Readonly<Record<string, unknown>>;
  };
}

/** JSON schema of `ErrorBody`, for the OpenAPI document. */
export const ERROR_BODY_SCHEMA = {
  $id: 'ErrorBody',
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        details: { type: 'object', additionalProperties: true },
      },
    },
  },
} as const;

// Fastify's and its plugins' own codes, mapped to the registry's.
const TOO_LARGE = new Set([
  'FST_ERR_CTP_BODY_TOO_LARGE',
  'FST_REQ_FILE_TOO_LARGE',
  'FST_FILES_LIMIT',
  'FST_PARTS_LIMIT',
  'FST_FIELDS_LIMIT',
]);
const BAD_MEDIA = new Set(['FST_ERR_CTP_INVALID_MEDIA_TYPE', 'FST_INVALID_MULTIPART_CONTENT_TYPE']);
const BAD_BODY = new Set([
  'FST_ERR_CTP_EMPTY_JSON_BODY',
  'FST_ERR_CTP_INVALID_CONTENT_LENGTH',
  'FST_ERR_CTP_INVALID_JSON_BODY',
]);

/** What the error reply may name. */
export interface ErrorContext {
  /** `host:port` of the API's Redis. */
  readonly redisAddress?: string;
  /** The size limits, named when one is passed. */
  readonly limits?: RequestLimits;
  /** The matched route pattern (`/v1/imports`), when there is one. */
  readonly route?: string;
}

/**
 * The coded error for anything a route threw: a `RollcallError` as it is, schema failures
 * as `INVALID_ARGUMENT` naming the field, fastify's limits as `PAYLOAD_TOO_LARGE`, a lost
 * Redis connection as `REDIS_UNAVAILABLE`, and anything unexpected as a 500 without its
 * internals.
 */
export function toRollcallError(error: unknown, context: ErrorContext = {}): RollcallError {
  if (isRollcallError(error)) return error;
  if (isRedisUnreachable(error)) return redisUnavailable(error, context.redisAddress);

  const fastifyError = error as Partial<FastifyError>;
  if (fastifyError.validation !== undefined) return validationError(fastifyError);

  const code = fastifyError.code ?? '';
  const message = fastifyError.message ?? 'The request was refused.';
  if (TOO_LARGE.has(code)) return payloadTooLarge(code, context.limits, context.route);
  if (BAD_MEDIA.has(code)) return new RollcallError('UNSUPPORTED_MEDIA_TYPE', message);
  if (BAD_BODY.has(code)) return new RollcallError('INVALID_ARGUMENT', message);
  return new RollcallError('INTERNAL', 'The server failed on this request; it has been logged.');
}

function validationError(error: Partial<FastifyError>): RollcallError {
  const first = error.validation?.[0];
  const part = error.validationContext ?? 'body';
  const missing = (first?.params as { missingProperty?: string } | undefined)?.missingProperty;
  const extra = (first?.params as { additionalProperty?: string } | undefined)?.additionalProperty;
  const path = (first?.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
  const field = [path, missing ?? extra].filter((s) => s !== undefined && s !== '').join('.');

  const what =
    missing !== undefined
      ? 'is required'
      : extra !== undefined
        ? 'is not a known field'
        : (first?.message ?? 'is invalid');
  const name = field === '' ? part : `${part}.${field}`;
  return new RollcallError('INVALID_ARGUMENT', `${name} ${what}.`, {
    details: { field: name },
  });
}
