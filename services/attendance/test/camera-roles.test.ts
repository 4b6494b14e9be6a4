import { createKeySpace } from '@rollcall/streams';
import { useTestRedis } from '@rollcall/testing';

import { redisCameraRoles } from '../src';

const { redis, keys } = useTestRedis('attendance', createKeySpace);

describe('redisCameraRoles', () => {
  it("reads the role from the camera's config and sees a change once the TTL passes", async () => {
    const clock = { now: 1_000 };
    const roleOf = redisCameraRoles(redis, keys, { ttlMs: 5_000, clock: () => clock.now });
    await redis.hset(keys.cameraConfig('gate'), 'role', 'exit');

    expect(await roleOf('gate')).toBe('exit');
    expect(await roleOf('lobby')).toBe('entry');

    await redis.hset(keys.cameraConfig('gate'), 'role', 'entry');
    clock.now += 4_999;
    expect(await roleOf('gate')).toBe('exit');
    clock.now += 2;
    expect(await roleOf('gate')).toBe('entry');
  });

  it('treats an unknown role as an entry camera', async () => {
    await redis.hset(keys.cameraConfig('side'), 'role', 'sideways');

    expect(await redisCameraRoles(redis, keys)('side')).toBe('entry');
    await redis.hset(keys.cameraConfig('side'), 'role', ' EXIT ');
    expect(await redisCameraRoles(redis, keys)('side')).toBe('exit');
  });
});
