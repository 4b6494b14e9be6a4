import { createLogger } from '@rollcall/log';
import { createKeySpace } from '@rollcall/streams';
import { connectRedis, useTestRedis } from '@rollcall/testing';

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
    const counted = connectRedis('settings-test-counted');
    let reads = 0;
    const hgetall = counted.hgetall.bind(counted);
    counted.hgetall = ((key: string) => {
      reads += 1;
      return hgetall(key);
    }) as typeof counted.hgetall;
    try {
      const live = new LiveSettings(counted, keys);
      const answers = await Promise.all([live.get(), live.get(), live.get()]);

      expect(answers).toEqual([DEFAULT_SETTINGS, DEFAULT_SETTINGS, DEFAULT_SETTINGS]);
      expect(reads).toBe(1);
    } finally {
      counted.disconnect();
    }
  });

  it('keeps the last settings when a refresh fails, and fails only without any', async () => {
    const keys = freshKeys();
    const clock = { now: 0 };
    const broken = connectRedis('settings-test-broken');
    const options = { refreshMs: 100, clock: () => clock.now, logger: quiet };
    const live = new LiveSettings(broken, keys, options);
    await redis.hset(keys.settings, 'timeZone', 'Europe/Berlin');

    try {
      expect((await live.get()).timeZone).toBe('Europe/Berlin');
      broken.disconnect();
      clock.now += 100;
      expect((await live.get()).timeZone).toBe('Europe/Berlin');

      const never = new LiveSettings(broken, keys, options);
      await expect(never.get()).rejects.toThrow();
    } finally {
      broken.disconnect();
    }
  });
});
