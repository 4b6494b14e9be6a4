import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

import { RollcallError } from '@rollcall/errors';

/** A password as stored: scrypt's output, its salt and cost, never the password. */
export interface PasswordHash {
  readonly algorithm: 'scrypt';
  /** Base64 of a random 16-byte salt, one per user. */
  readonly salt: string;
  /** Base64 of the 64-byte derived key. */
  readonly hash: string;
  /** scrypt's cost parameters, stored so they can be raised later without a reset. */
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

/*
 * N = 2^15, r = 8, p = 1: OWASP's password storage cheat sheet's scrypt minimum is
 * N = 2^17 with 128 MiB; 2^15 (32 MiB, about 90 ms on the 2-core test machine) keeps a sign-in
 * quick on a small server while still costing an attacker with a stolen hash that much
 * per guess. maxmem must exceed 128 * N * r bytes.
 */
const COST = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_BYTES = 64;
const SALT_BYTES = 16;

/** Bounds on a new password: long enough to resist guessing, short enough to hash cheaply. */
export const PASSWORD_LENGTH = { min: 10, max: 1024 } as const;

/** Hashes `password` with a fresh salt; `INVALID_ARGUMENT` when its length is out of bounds. */
export async function hashPassword(password: string): Promise<PasswordHash> {
  if (password.length < PASSWORD_LENGTH.min || password.length > PASSWORD_LENGTH.max) {
    throw new RollcallError(
      'INVALID_ARGUMENT',
      `Choose a password of ${PASSWORD_LENGTH.min} to ${PASSWORD_LENGTH.max} characters.`,
      { details: { field: 'password' } },
    );
  }
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(password, salt, COST);
  return {
    algorithm: 'scrypt',
    salt: salt.toString('base64'),
    hash: hash.toString('base64'),
    ...COST,
  };
}

/** Whether `password` is the one `stored` was made from, compared in constant time. */
export async function checkPassword(password: string, stored: PasswordHash): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64');
  const actual = await derive(password, Buffer.from(stored.salt, 'base64'), stored);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * A hash no password was made from, checked against when a username is unknown so that a
 * wrong username takes as long as a wrong password (no telling which accounts exist).
 */
export const DECOY_HASH: PasswordHash = Object.freeze({
  algorithm: 'scrypt',
  salt: randomBytes(SALT_BYTES).toString('base64'),
  hash: randomBytes(KEY_BYTES).toString('base64'),
  ...COST,
});

function derive(
  password: string,
  salt: Buffer,
  cost: { N: number; r: number; p: number },
): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (error, key) => {
      if (error === null) resolve(key);
      else reject(error);
    });
  });
}
