import os from 'node:os';

import { RollcallError } from '@rollcall/errors';
import type { KeySpace } from '@rollcall/streams';
import type { Redis } from 'ioredis';

/** How long the lock outlives a launcher that died without releasing it. */
const LOCK_TTL_MS = 15_000;
const REFRESH_MS = 5_000;

/** What the lock says about its holder. */
interface Holder {
  readonly pid: number;
  readonly host: string;
  readonly apiUrl: string;
  readonly since: string;
}

/**
 * One launcher per Redis and key prefix: a second would start a second ingest that plays
 * every camera again. The lock is a key with a short expiry that the holder refreshes, so
 * a launcher killed outright frees it within `LOCK_TTL_MS`.
 */
export class LauncherLock {
  private timer: NodeJS.Timeout | undefined;

  private constructor(
    private readonly redis: Redis,
    private readonly key: string,
    private readonly value: string,
  ) {}

  /** Takes the lock or throws `LAUNCHER_ALREADY_RUNNING` naming the holder. */
  static async take(redis: Redis, keys: KeySpace, apiUrl: string): Promise<LauncherLock> {
    const holder: Holder = {
      pid: process.pid,
      host: os.hostname(),
      apiUrl,
      since: new Date().toISOString(),
    };
    const value = JSON.stringify(holder);
    const taken = await redis.set(keys.launcherLock, value, 'PX', LOCK_TTL_MS, 'NX');
    if (taken !== 'OK') {
      const other = await redis.get(keys.launcherLock);
      throw new RollcallError(
        'LAUNCHER_ALREADY_RUNNING',
        `Rollcall is already running on this Redis with key prefix ${keys.prefix} ` +
          `(${describe(other)}); stop it first, or set ROLLCALL_KEY_PREFIX to run another.`,
        { details: { holder: other } },
      );
    }
    const lock = new LauncherLock(redis, keys.launcherLock, value);
    lock.timer = setInterval(() => void lock.refresh(), REFRESH_MS);
    lock.timer.unref();
    return lock;
  }

  /** Gives the lock up, if it is still ours. */
  async release(): Promise<void> {
    clearInterval(this.timer);
    const current = await this.redis.get(this.key).catch(() => null);
    if (current === this.value) await this.redis.del(this.key).catch(() => undefined);
  }

  private async refresh(): Promise<void> {
    // Set again, not only extended: a lock that expired while Redis was away comes back.
    await this.redis.set(this.key, this.value, 'PX', LOCK_TTL_MS).catch(() => undefined);
  }
}

function describe(json: string | null): string {
  try {
    const holder = JSON.parse(json ?? '') as Holder;
    return `pid ${holder.pid} on ${holder.host}, API ${holder.apiUrl}, since ${holder.since}`;
  } catch {
    return 'holder unknown';
  }
}
