import { createHash, randomBytes } from 'node:crypto';

import type { KeySpace } from '@rollcall/streams';
import type { Redis } from 'ioredis';

/** A signed-in session as stored under the sha256 of its token (never the token). */
export interface SessionRecord {
  readonly username: string;
  readonly createdAtMs: number;
  readonly expiresAtMs: number;
}

/** A new session: the token is handed to the client once. */
export interface CreatedSession extends SessionRecord {
  readonly token: string;
}

/** Token prefix: tells sessions from API keys (`rk_`) at a glance and in the auth hook. */
export const SESSION_PREFIX = 'rs_';

/** The session tokens of one API's Redis: made at sign-in, checked per request, ended. */
export class SessionStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: KeySpace,
    private readonly now: () => number,
  ) {}

  /*
   * 32 random bytes, as for API keys: too long to guess, so an unsalted sha256 is enough
   * to keep a Redis dump from handing out working tokens. Redis drops the key at expiry.
   */
  async create(username: string, ttlMs: number): Promise<CreatedSession> {
    const token = `${SESSION_PREFIX}${randomBytes(32).toString('base64url')}`;
    const createdAtMs = this.now();
    const record: SessionRecord = { username, createdAtMs, expiresAtMs: createdAtMs + ttlMs };
    await this.redis.set(this.key(token), JSON.stringify(record), 'PX', ttlMs);
    return { ...record, token };
  }

  /** The live session of `token`, or undefined (unknown, signed out or expired). */
  async find(token: string): Promise<SessionRecord | undefined> {
    if (!token.startsWith(SESSION_PREFIX)) return undefined;
    const json = await this.redis.get(this.key(token));
    if (json === null) return undefined;
    const record = JSON.parse(json) as SessionRecord;
    // The stored time decides too: Redis's expiry runs on its own clock, the API's may differ.
    return this.now() < record.expiresAtMs ? record : undefined;
  }

  /** Ends the session of `token`; true when there was one. */
  async end(token: string): Promise<boolean> {
    return (await this.redis.del(this.key(token))) === 1;
  }

  private key(token: string): string {
    return this.keys.session(createHash('sha256').update(token, 'utf8').digest('hex'));
  }
}
