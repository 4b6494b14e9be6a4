import Redis from 'ioredis';

import { connectRedis, deletePrefix, randomPrefix, requireRedis, testKeySpace } from '../src';

describe('the shared Redis test support', () => {
  let redis: Redis;

  beforeAll(async () => {
    redis = connectRedis('testing-test');
    await requireRedis(redis);
  });

  afterAll(async () => {
    await redis.quit();
  });

  it('gives each call a distinct hash-tagged prefix carrying its label', () => {
    const first = randomPrefix('demo');
    const second = randomPrefix('demo');

    expect(first).toMatch(/^\{test-demo-[0-9a-f]{8}\}$/);
    expect(second).not.toBe(first);
  });

  it('builds the key space through the factory it is given', () => {
    const seen: string[] = [];
    const space = testKeySpace('demo', (prefix) => {
      seen.push(prefix);
      return { prefix };
    });

    expect(seen).toEqual([space.prefix]);
    expect(space.prefix).toMatch(/^\{test-demo-/);
  });

  it('names the connection so CLIENT LIST shows it', async () => {
    expect(await redis.client('GETNAME')).toBe('testing-test');
  });

  it('deletes every key under a prefix and nothing outside it', async () => {
    const prefix = randomPrefix('testing');
    const neighbour = randomPrefix('testing');
    const many = Array.from({ length: 1200 }, (_, i) => [`${prefix}:k:${i}`, '1']).flat();
    await redis.mset(...many);
    await redis.set(`${neighbour}:kept`, '1');

    await deletePrefix(redis, prefix);

    const [, left] = await redis.scan('0', 'MATCH', `${prefix}:*`, 'COUNT', 5000);
    expect(left).toEqual([]);
    expect(await redis.get(`${neighbour}:kept`)).toBe('1');
    await deletePrefix(redis, neighbour);
  });

  it('says what to start when Redis does not answer', async () => {
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    const dead = new Redis({
      host: '127.0.0.1',
      port: 1,
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });

    await expect(requireRedis(dead)).rejects.toThrow(/start redis-server/);
    dead.disconnect();
  });
});
