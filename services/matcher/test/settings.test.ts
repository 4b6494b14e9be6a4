import { isRollcallError } from '@rollcall/errors';

import { loadMatcherSettings } from '../src/settings';

describe('loadMatcherSettings', () => {
  it('fills in defaults', () => {
    const settings = loadMatcherSettings({});

    expect(settings).toMatchObject({
      redisUrl: 'redis://127.0.0.1:6379',
      keyPrefix: '{rollcall}',
      topK: 5,
      precision: 'f32',
    });
    expect(settings.consumer).toMatch(/^[\w.-]+-\d+$/);
  });

  it('reads every variable and lists every bad one in one error', () => {
    const good = loadMatcherSettings({
      REDIS_URL: 'redis://10.0.0.5:6380',
      ROLLCALL_KEY_PREFIX: '{site-a}',
      MATCHER_CONSUMER: 'matcher-2',
      MATCHER_TOP_K: '10',
      MATCHER_PRECISION: 'I8',
    });
    expect(good).toEqual({
      redisUrl: 'redis://10.0.0.5:6380',
      keyPrefix: '{site-a}',
      consumer: 'matcher-2',
      topK: 10,
      precision: 'i8',
    });

    let caught: unknown;
    try {
      loadMatcherSettings({
        REDIS_URL: 'http://x',
        ROLLCALL_KEY_PREFIX: 'a:b',
        MATCHER_CONSUMER: 'two words',
        MATCHER_TOP_K: '0',
        MATCHER_PRECISION: 'f16',
      });
    } catch (error) {
      caught = error;
    }
    expect(isRollcallError(caught, 'CONFIG_INVALID')).toBe(true);
    const problems = (caught as { details: { problems: { variable: string }[] } }).details.problems;
    expect(problems.map((p) => p.variable).sort()).toEqual([
      'MATCHER_CONSUMER',
      'MATCHER_PRECISION',
      'MATCHER_TOP_K',
      'REDIS_URL',
      'ROLLCALL_KEY_PREFIX',
    ]);
  });
});
