import { createHash, randomBytes } from 'node:crypto';

import { RollcallError } from '@rollcall/errors';
import type { KeySpace } from '@rollcall/streams';
import type { Redis } from 'ioredis';

/** What is stored about an API key (the key itself never is: only its sha256). */
export interface ApiKeyRecord {
  readonly id: string;
  /** Who or what the key is for, e.g. `hr-sync`. */
  readonly name: string;
  readonly createdAtMs: number;
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
  now: () => number = Date.now,
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
    createdAtMs: now(),
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
  return json === null ? undefined : (JSON.parse(json) as ApiKeyRecord);
}

/** Every key's record, oldest first. */
export async function listApiKeys(redis: Redis, keys: KeySpace): Promise<ApiKeyRecord[]> {
  const all = await redis.hgetall(keys.apiKeys);
  return Object.values(all)
    .map((json) => JSON.parse(json) as ApiKeyRecord)
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
    const record = JSON.parse(json) as ApiKeyRecord;
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

function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}
