import type { Role } from '@rollcall/api-keys';

/** Who a request acts for: an API key, or a user account signed in with a session. */
export interface Principal {
  readonly kind: 'key' | 'session';
  /** The key's record id, or the account's username. */
  readonly id: string;
  /** The key's name, or the account's display name. */
  readonly name: string;
  readonly role: Role;
  /** When a session stops working; null for a key. */
  readonly expiresAtMs: number | null;
}
