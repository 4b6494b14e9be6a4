import { RollcallError } from '@rollcall/errors';

/**
 * What a caller may do: an `admin` changes anything, a `viewer` only reads (the API's role
 * guard lets a viewer use GET and HEAD alone).
 */
export const ROLES = ['admin', 'viewer'] as const;

export type Role = (typeof ROLES)[number];

/** `value` as a role; `INVALID_ARGUMENT` naming the choices when it is none. */
export function parseRole(value: string, field = 'role'): Role {
  if ((ROLES as readonly string[]).includes(value)) return value as Role;
  throw new RollcallError('INVALID_ARGUMENT', `The role must be one of ${ROLES.join(', ')}.`, {
    details: { field, value },
  });
}
