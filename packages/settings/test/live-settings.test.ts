import { createLogger } from '@rollcall/log';
import { createKeySpace } from '@rollcall/streams';
import { useTestRedis } from '@rollcall/testing';

import { DEFAULT_SETTINGS, LiveSettings } from '../src';

const { redis, freshKeys } = useTestRedis('settings', createKeySpace);
const quiet = createLogger({ service: 'settings-test', level: 'silent' });

describe('LiveSettings', () => {
  it('reuses a read for refreshMs, then sees a change', async () => {
    const keys = freshKeys();
    const clock = { now: 10_000 };
    const live = new LiveSettings(redis, keys, { refreshMs: 2_000, clock: () => clock.now });
    await redis.hset(keys.settings, 'cooldownMs', '60000');

    expect(await live.get()).toEqual({ ...DEFAULT_SETTINGS, cooldownMs: 60_000 });

    await redis.hset(keys.settings, { cooldownMs: '1', threshold: '0.7' });
    clock.now += 1_999;
    expect((await live.get()).cooldownMs).toBe(60_000);
    clock.now += 1;
    expect(await live.get()).toMatchObject({ cooldownMs: 1, threshold: 0.7 });

    await redis.hdel(keys.settings, 'threshold');
    clock.now += 2_000;
    expect((await live.get()).threshold).toBeNull();
  });

  it('makes one read for callers arriving together', async () => {
    const keys = freshKeys();
    const counted = watched();
    const live = new LiveSettings(counted.redis, keys);

    const answers = await Promise.all([live.get(), live.get(), live.get()]);

    expect(answers).toEqual([DEFAULT_SETTINGS, DEFAULT_SETTINGS, DEFAULT_SETTINGS]);
    expect(counted.reads).toBe(1);
  });

  it('keeps the last settings when a refresh fails, and fails only without any', async () => {
    const keys = freshKeys();
    const clock = { now: 0 };
    const flaky = watched();
    const options = { refreshMs: 100, clock: () => clock.now, logger: quiet };
    const live = new LiveSettings(flaky.redis, keys, options);
    await redis.hset(keys.settings, 'timeZone', 'Europe/Berlin');

    expect((await live.get()).timeZone).toBe('Europe/Berlin');
    flaky.down = true;
    clock.now += 100;
    expect((await live.get()).timeZone).toBe('Europe/Berlin');
    expect(flaky.reads).toBe(2);
    clock.now += 99;
    await live.get();
    expect(flaky.reads).toBe(2); // the failed refresh waits its interval too

    const never = new LiveSettings(flaky.redis, keys, options);
    await expect(never.get()).rejects.toThrow('Redis is down');
  });
});

/** The test connection with HGETALL counted, and failing while `down` is set. */
function watched() {
  const state = { reads: 0, down: false, redis };
  state.redis = new Proxy(redis, {
    get(target, name) {
      const value: unknown = Reflect.get(target, name);
      if (name !== 'hgetall') return typeof value === 'function' ? value.bind(target) : value;
      return (key: string) => {
        state.reads += 1;
        return state.down ? Promise.reject(new Error('Redis is down')) : target.hgetall(key);
      };
    },
  });
  return state;
}
