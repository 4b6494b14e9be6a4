import { authenticateUser, normalizeUsername, type UserRecord } from '@rollcall/api-keys';
import { RollcallError } from '@rollcall/errors';
import type { KeySpace } from '@rollcall/streams';
import type { Redis } from 'ioredis';

import type { LoginThrottle } from './login-throttle';
import type { SessionSettings } from './session-settings';
import type { CreatedSession, SessionStore } from './session-store';

export interface SignInDeps {
  readonly redis: Redis;
  readonly keys: KeySpace;
  readonly sessions: SessionStore;
  readonly throttle: LoginThrottle;
  readonly settings: SessionSettings;
}

/**
 * A session for `username` when `password` is theirs. A wrong username and a wrong
 * password answer alike (`LOGIN_FAILED`), and both count towards the throttle.
 */
export async function signIn(
  deps: SignInDeps,
  rawUsername: string,
  password: string,
): Promise<{ session: CreatedSession; user: UserRecord }> {
  const username = normalizeUsername(rawUsername);
  await deps.throttle.check(username);

  const user = await authenticateUser(deps.redis, deps.keys, username, password);
  if (user === undefined) {
    await deps.throttle.fail(username);
    throw new RollcallError('LOGIN_FAILED', 'The username or password is wrong.', {
      details: { username },
    });
  }

  await deps.throttle.reset(username);
  return { session: await deps.sessions.create(username, deps.settings.ttlMs), user };
}
