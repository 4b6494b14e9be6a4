import { RollcallError } from '@rollcall/errors';

/*
 * Ids go into keys verbatim, so a part must not carry the separator (which would make two
 * names collide), whitespace, glob characters (cleanup scans with MATCH) or braces (which
 * would move the key's Cluster hash slot away from the prefix's tag).
 */
const SAFE_PART = /^[A-Za-z0-9_.-]{1,128}$/;

/** A prefix is a safe part, optionally wrapped in one `{...}` Cluster hash tag. */
const SAFE_PREFIX = /^(\{[A-Za-z0-9_.-]{1,64}\}|[A-Za-z0-9_.-]{1,64})$/;

/** `value` unchanged when it is usable as one part of a key; else a coded error. */
export function checkPart(what: string, value: string): string {
  if (SAFE_PART.test(value)) return value;
  throw new RollcallError(
    'STREAM_NAME_INVALID',
    `${what} "${value}" can't be used in a Redis key; use 1-128 letters, digits, '.', '_' or '-'.`,
    { details: { what, value } },
  );
}

/** `prefix` unchanged when usable as a key prefix (e.g. `rollcall` or `{rollcall}`). */
export function checkPrefix(prefix: string): string {
  if (SAFE_PREFIX.test(prefix)) return prefix;
  throw new RollcallError(
    'STREAM_NAME_INVALID',
    `Key prefix "${prefix}" is invalid; use letters, digits, '.', '_' or '-', ` +
      `optionally in braces ({rollcall}) to keep every key in one Redis Cluster slot.`,
    { details: { what: 'prefix', value: prefix } },
  );
}
