import { RollcallError } from '@rollcall/errors';
import type { KeySpace } from '@rollcall/streams';
import type { Redis } from 'ioredis';

import type { SessionSettings } from './session-settings';

/**
 * Counts failed sign-ins per username in a fixed window that starts at the first failure;
 * at the limit, sign-in for that name is refused until the window ends. Per username
 * rather than per address, so guessing one account's password from many addresses is
 * slowed as much as from one; the price is that anyone can hold one account out for a
 * window by failing on purpose.
 */
export class LoginThrottle {
  constructor(
    private readonly redis: Redis,
    private readonly keys: KeySpace,
    private readonly settings: SessionSettings,
  ) {}

  /** `LOGIN_THROTTLED` (with the seconds to wait) when `username` is at the limit. */
  async check(username: string): Promise<void> {
    const key = this.keys.loginFailures(username);
    const [failures, ttlMs] = await Promise.all([this.redis.get(key), this.redis.pttl(key)]);
    if (Number(failures ?? 0) < this.settings.maxFailures) return;

    const retryAfterSeconds = Math.max(1, Math.ceil(ttlMs / 1000));
    throw new RollcallError(
      'LOGIN_THROTTLED',
      `Too many failed sign-ins for "${username}"; try again in ${retryAfterSeconds} s.`,
      { details: { retryAfterSeconds } },
    );
  }

  /** Counts one failure; the first of a window starts its expiry. */
  async fail(username: string): Promise<void> {
    const key = this.keys.loginFailures(username);
    await this.redis.multi().incr(key).pexpire(key, this.settings.failureWindowMs, 'NX').exec();
  }

  /** Forgets the failures after a sign-in succeeded. */
  async reset(username: string): Promise<void> {
    await this.redis.del(this.keys.loginFailures(username));
  }
}
