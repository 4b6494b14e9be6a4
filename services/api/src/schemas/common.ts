/** JSON schemas shared by routes (also what the OpenAPI document shows). */

export const ID_PATTERN = '^[A-Za-z0-9_.-]{1,128}$';

export const idParam = { type: 'string', pattern: ID_PATTERN } as const;

export const errorResponse = { $ref: 'ErrorBody#' } as const;

/** Error replies every admin route may give (403: the viewer role, on a change). */
export const adminErrors = {
  400: errorResponse,
  401: errorResponse,
  403: errorResponse,
  404: errorResponse,
} as const;

/** The security requirement of admin routes in the OpenAPI document. */
export const bearer = [{ bearer: [] }];

/** Milliseconds since the epoch as ISO 8601 UTC, as every time leaves the API. */
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}
