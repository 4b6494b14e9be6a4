import { RollcallError } from '@rollcall/errors';
import type { KeySpace } from '@rollcall/streams';
import type { Redis } from 'ioredis';

import { checkPassword, DECOY_HASH, hashPassword, type PasswordHash } from './passwords';
import type { Role } from './roles';

/** A user account as the API shows it (never its password hash). */
export interface UserRecord {
  /** Lower case, 1-64 of `a-z 0-9 _ . -`, starting with a letter or digit. */
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly createdAtMs: number;
}

/** What is stored per user: the record and the salted scrypt hash of the password. */
interface StoredUser extends UserRecord {
  readonly password: PasswordHash;
}

export interface NewUser {
  readonly username: string;
  /** Default: the username. */
  readonly displayName?: string;
  readonly role: Role;
  readonly password: string;
}

const USERNAME = /^[a-z0-9][a-z0-9_.-]{0,63}$/;

/** `value` trimmed and lower-cased as a username; `INVALID_ARGUMENT` when it is not one. */
export function normalizeUsername(value: string): string {
  const username = value.trim().toLowerCase();
  if (USERNAME.test(username)) return username;
  throw new RollcallError(
    'INVALID_ARGUMENT',
    'A username is 1 to 64 letters, digits, ".", "_" or "-", starting with a letter or digit.',
    { details: { field: 'username' } },
  );
}

/** Creates an account; `USER_EXISTS` when the username is taken. */
export async function createUser(
  redis: Redis,
  keys: KeySpace,
  user: NewUser,
  now: () => number = Date.now,
): Promise<UserRecord> {
  const username = normalizeUsername(user.username);
  const displayName = (user.displayName ?? '').trim() || username;
  if (displayName.length > 100) {
    throw new RollcallError('INVALID_ARGUMENT', 'Give a display name of at most 100 characters.', {
      details: { field: 'displayName' },
    });
  }
  const record: UserRecord = { username, displayName, role: user.role, createdAtMs: now() };
  const stored: StoredUser = { ...record, password: await hashPassword(user.password) };

  // HSETNX: two admins creating the same name at once cannot overwrite each other.
  if ((await redis.hsetnx(keys.users, username, JSON.stringify(stored))) === 0) {
    throw new RollcallError(
      'USER_EXISTS',
      `There is already a user "${username}"; choose another name or delete that one first.`,
      { details: { username } },
    );
  }
  return record;
}

/** The account `username`, or undefined when there is none. */
export async function findUser(
  redis: Redis,
  keys: KeySpace,
  username: string,
): Promise<UserRecord | undefined> {
  const stored = await readStored(redis, keys, username);
  return stored === undefined ? undefined : publicRecord(stored);
}

/**
 * The account when `password` is its password, else undefined. An unknown username costs
 * the same scrypt run as a known one, so timing does not tell which names exist.
 */
export async function authenticateUser(
  redis: Redis,
  keys: KeySpace,
  username: string,
  password: string,
): Promise<UserRecord | undefined> {
  const stored = await readStored(redis, keys, username);
  const matches = await checkPassword(password, stored?.password ?? DECOY_HASH);
  return matches && stored !== undefined ? publicRecord(stored) : undefined;
}

/** Every account, oldest first. */
export async function listUsers(redis: Redis, keys: KeySpace): Promise<UserRecord[]> {
  const all = await redis.hgetall(keys.users);
  return Object.values(all)
    .map((json) => publicRecord(JSON.parse(json) as StoredUser))
    .sort((a, b) => a.createdAtMs - b.createdAtMs || a.username.localeCompare(b.username));
}

/** Deletes the account (its sessions stop working with it); `USER_NOT_FOUND` if none. */
export async function deleteUser(
  redis: Redis,
  keys: KeySpace,
  username: string,
): Promise<UserRecord> {
  const stored = await readStored(redis, keys, username);
  if (stored === undefined || (await redis.hdel(keys.users, stored.username)) === 0) {
    throw new RollcallError(
      'USER_NOT_FOUND',
      `No user is called "${username}"; list them with \`rollcall users list\`.`,
      { details: { username } },
    );
  }
  return publicRecord(stored);
}

async function readStored(
  redis: Redis,
  keys: KeySpace,
  username: string,
): Promise<StoredUser | undefined> {
  const json = await redis.hget(keys.users, username.trim().toLowerCase());
  return json === null ? undefined : (JSON.parse(json) as StoredUser);
}

function publicRecord(stored: StoredUser): UserRecord {
  const { username, displayName, role, createdAtMs } = stored;
  return { username, displayName, role, createdAtMs };
}
