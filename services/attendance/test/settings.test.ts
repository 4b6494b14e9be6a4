import { isRollcallError } from '@rollcall/errors';

import { loadAttendanceSettings } from '../src';

describe('loadAttendanceSettings', () => {
  it('fills in the defaults', () => {
    expect(loadAttendanceSettings({})).toEqual({
      redisUrl: 'redis://127.0.0.1:6379',
      keyPrefix: '{rollcall}',
      timeZone: 'UTC',
      votesNeeded: 3,
      voteWindowMs: 2_000,
      cooldownMs: 14_400_000,
      checkoutTimeoutMs: 1_800_000,
      sweepEveryMs: 10_000,
    });
  });

  it('reads every setting', () => {
    const settings = loadAttendanceSettings({
      REDIS_URL: 'redis://10.0.0.5:6380',
      ROLLCALL_KEY_PREFIX: '{site-a}',
      ROLLCALL_TIMEZONE: 'Europe/Berlin',
      ROLLCALL_ATTENDANCE_VOTES: '5',
      ROLLCALL_ATTENDANCE_VOTE_WINDOW_MS: '3000',
      ROLLCALL_ATTENDANCE_COOLDOWN_MS: '600000',
      ROLLCALL_ATTENDANCE_CHECKOUT_TIMEOUT_MS: '900000',
      ROLLCALL_ATTENDANCE_SWEEP_MS: '1000',
    });

    expect(settings).toMatchObject({ keyPrefix: '{site-a}', timeZone: 'Europe/Berlin' });
    expect(settings).toMatchObject({ votesNeeded: 5, voteWindowMs: 3_000, sweepEveryMs: 1_000 });
  });

  it('lists every bad variable in one error', () => {
    let caught: unknown;
    try {
      loadAttendanceSettings({
        ROLLCALL_TIMEZONE: 'Mars/Olympus',
        ROLLCALL_ATTENDANCE_VOTES: '0',
        ROLLCALL_KEY_PREFIX: 'a b',
      });
    } catch (error) {
      caught = error;
    }

    expect(isRollcallError(caught, 'CONFIG_INVALID')).toBe(true);
    const message = String(caught);
    for (const name of ['ROLLCALL_TIMEZONE', 'ROLLCALL_ATTENDANCE_VOTES', 'ROLLCALL_KEY_PREFIX']) {
      expect(message).toContain(name);
    }
  });
});
