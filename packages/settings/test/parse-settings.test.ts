import { DEFAULT_SETTINGS, parseSettings } from '../src';

describe('parseSettings', () => {
  it('gives the defaults for an empty hash', () => {
    expect(parseSettings({})).toEqual({ settings: DEFAULT_SETTINGS, ignored: [] });
    expect(DEFAULT_SETTINGS).toEqual({
      threshold: null,
      cooldownMs: 14_400_000,
      voteWindowMs: 2_000,
      timeZone: 'UTC',
    });
  });

  it('reads every field the API writes', () => {
    const fields = {
      threshold: '0.42',
      cooldownMs: '1',
      voteWindowMs: '3000',
      timeZone: 'Europe/Berlin',
    };

    expect(parseSettings(fields)).toEqual({
      settings: { threshold: 0.42, cooldownMs: 1, voteWindowMs: 3_000, timeZone: 'Europe/Berlin' },
      ignored: [],
    });
  });

  it('takes absent and empty fields from the given defaults', () => {
    const defaults = { threshold: 0.3, cooldownMs: 60_000, voteWindowMs: 500, timeZone: 'UTC' };

    const { settings } = parseSettings({ cooldownMs: '120000', timeZone: ' ' }, defaults);

    expect(settings).toEqual({ ...defaults, cooldownMs: 120_000 });
  });

  it('refuses values out of range or unreadable, keeping their defaults', () => {
    const { settings, ignored } = parseSettings({
      threshold: '1.5',
      cooldownMs: '0',
      voteWindowMs: '2.5',
      timeZone: 'Mars/Olympus',
    });

    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(ignored.map((i) => [i.field, i.value, i.reason])).toEqual([
      ['threshold', '1.5', 'not in [-1, 1]'],
      ['cooldownMs', '0', 'not in [1, 2592000000]'],
      ['voteWindowMs', '2.5', 'not a whole number'],
      ['timeZone', 'Mars/Olympus', 'not an IANA time zone'],
    ]);
    expect(parseSettings({ threshold: 'high' }).ignored[0]?.reason).toBe('not a number');
  });
});
