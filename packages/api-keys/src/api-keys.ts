import { createHash, randomBytes } from 'node:crypto';

import { RollcallError } from '@rollcall/errors';
import type { KeySpace } from '@rollcall/streams';
import type { Redis } from 'ioredis';

import type { Role } from './roles';

/** What is stored about an API key (the key itself never is: only its sha256). */
export interface ApiKeyRecord {
  readonly id: string;
  /** Who or what the key is for, e.g. `hr-sync`. */
  readonly name: string;
  /** What the key may do. Keys stored before roles existed have none and are `admin`. */
  readonly role: Role;
  readonly createdAtMs: number;
}

/** Options of `createApiKey`. */
export interface CreateKeyOptions {
  /** Default `admin`. */
  readonly role?: Role;
  /** Now, in ms. Default `Date.now`. */
  readonly now?: () => number;
}

/** A new key: the secret is shown once, to be handed to the integrator. */
export interface CreatedApiKey extends ApiKeyRecord {
  readonly key: string;
}

/** Key prefix, so a leaked key is recognisable in logs and by secret scanners. */
const KEY_PREFIX = 'rk_';

/*
 * 32 random bytes: the key is a bearer secret, and sha256 without salt is safe for keys
 * this long (no dictionary to try), which keeps the lookup one HGET per request.
 */
export async function createApiKey(
  redis: Redis,
  keys: KeySpace,
  name: string,
  options: CreateKeyOptions = {},
): Promise<CreatedApiKey> {
  const label = name.trim();
  if (label.length === 0 || label.length > 100) {
    throw new RollcallError('INVALID_ARGUMENT', 'Name the key in 1 to 100 characters.', {
      details: { field: 'name' },
    });
  }

  const key = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  const record: ApiKeyRecord = {
    id: `k_${randomBytes(6).toString('hex')}`,
    name: label,
    role: options.role ?? 'admin',
    createdAtMs: (options.now ?? Date.now)(),
  };
  await redis.hset(keys.apiKeys, hashKey(key), JSON.stringify(record));
  return { ...record, key };
}

/** The record of `key`, or undefined when it is unknown or revoked. */
export async function verifyApiKey(
  redis: Redis,
  keys: KeySpace,
  key: string,
): Promise<ApiKeyRecord | undefined> {
  if (!key.startsWith(KEY_PREFIX)) return undefined;
  const json = await redis.hget(keys.apiKeys, hashKey(key));
  return json === null ? undefined : parseRecord(json);
}

/** Every key's record, oldest first. */
export async function listApiKeys(redis: Redis, keys: KeySpace): Promise<ApiKeyRecord[]> {
  const all = await redis.hgetall(keys.apiKeys);
  return Object.values(all)
    .map(parseRecord)
    .sort((a, b) => a.createdAtMs - b.createdAtMs || a.id.localeCompare(b.id));
}

/** Revokes the key with record id `id`; `API_KEY_NOT_FOUND` when there is none. */
export async function revokeApiKey(
  redis: Redis,
  keys: KeySpace,
  id: string,
): Promise<ApiKeyRecord> {
  const all = await redis.hgetall(keys.apiKeys);
  for (const [hash, json] of Object.entries(all)) {
    const record = parseRecord(json);
    if (record.id !== id) continue;
    await redis.hdel(keys.apiKeys, hash);
    return record;
  }
  throw new RollcallError(
    'API_KEY_NOT_FOUND',
    `No API key has id "${id}"; list them with \`rollcall keys list\`.`,
    { details: { id } },
  );
}

function parseRecord(json: string): ApiKeyRecord {
  const stored = JSON.parse(json) as Omit<ApiKeyRecord, 'role'> & { role?: Role };
  return { ...stored, role: stored.role ?? 'admin' };
}

function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}
