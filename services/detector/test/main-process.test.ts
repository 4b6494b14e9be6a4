import { connect, deletePrefix, testKeySpace } from './support/redis';
import { startAndTerminate } from './support/process';

const keys = testKeySpace('detector-main');
const redis = connect('detector-main-test');

describe('detector process', () => {
  afterAll(async () => {
    await deletePrefix(redis, keys.prefix);
    redis.disconnect();
  });

  it('joins its group and stops cleanly on SIGTERM', async () => {
    const env = { ROLLCALL_KEY_PREFIX: keys.prefix, ROLLCALL_CONSUMER: 'main-test' };
    const { code, output } = await startAndTerminate('detector', env, 'consumer group created');
    expect(code).toBe(0);
    expect(output).toContain('"msg":"detector stopped"');
    const groups = (await redis.xinfo('GROUPS', keys.frames.key)) as unknown[][];
    expect(groups.map((g) => g[1])).toEqual(['detector']);
  }, 60_000);
});
