import { isRollcallError } from '@rollcall/errors';

import { defaultConsumerName, loadDetectorSettings } from '../src';

describe('detector settings', () => {
  it('fills every default', () => {
    expect(loadDetectorSettings({})).toEqual({
      redisUrl: 'redis://127.0.0.1:6379',
      keyPrefix: '{rollcall}',
      consumer: defaultConsumerName(),
      readBatch: 4,
    });
    expect(defaultConsumerName()).toMatch(new RegExp(`-${process.pid}$`));
  });

  it('lists every bad variable in one error', () => {
    const env = { REDIS_URL: 'localhost', ROLLCALL_CONSUMER: 'a b', ROLLCALL_DETECTOR_BATCH: '0' };
    let variables: unknown;
    try {
      loadDetectorSettings(env);
    } catch (error) {
      if (!isRollcallError(error, 'CONFIG_INVALID')) throw error;
      const problems = error.details?.problems as { variable: string }[];
      variables = problems.map((p) => p.variable).sort();
    }
    expect(variables).toEqual(['REDIS_URL', 'ROLLCALL_CONSUMER', 'ROLLCALL_DETECTOR_BATCH']);
  });
});
