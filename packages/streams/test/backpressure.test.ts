import { useTestRedis } from '@rollcall/testing';

import { DropPolicy, groupLag, shouldDrop, createKeySpace } from '../src';
import { appendNumbered } from './support/consumers';

const { redis, keys } = useTestRedis('streams', createKeySpace);

async function readAs(stream: string, group: string, count: number): Promise<void> {
  await redis.xreadgroup('GROUP', group, 'c', 'COUNT', count, 'STREAMS', stream, '>');
}

describe('groupLag', () => {
  it('reports the entries not yet delivered to the group', async () => {
    const stream = keys.frames;
    await appendNumbered(redis, stream, 30);
    await redis.xgroup('CREATE', stream.key, 'lagging', '0');

    expect(await groupLag(redis, stream, 'lagging')).toBe(30);
    await readAs(stream.key, 'lagging', 12);
    expect(await groupLag(redis, stream, 'lagging')).toBe(18);
  });

  it('counts on the server when Redis reports the lag as nil', async () => {
    const stream = keys.faces;
    const ids = await appendNumbered(redis, stream, 20);
    // A group set to an arbitrary id has no entries-read counter, so XINFO's lag is nil.
    await redis.xgroup('CREATE', stream.key, 'mid', ids[4]!);
    const reported = (await redis.call('XINFO', 'GROUPS', stream.key)) as unknown[][];
    const mid = reported.find((g) => g[1] === 'mid')!;
    expect(mid[mid.indexOf('lag') + 1]).toBeNull();

    expect(await groupLag(redis, stream, 'mid')).toBe(15);
    await readAs(stream.key, 'mid', 5);
    await redis.xdel(stream.key, ids[15]!);
    expect(await groupLag(redis, stream, 'mid')).toBe(9);
  });

  it('names the missing group in a coded error', async () => {
    await appendNumbered(redis, keys.matches, 1);

    await expect(groupLag(redis, keys.matches, 'nobody')).rejects.toMatchObject({
      code: 'STREAM_GROUP_MISSING',
    });
    await expect(groupLag(redis, keys.attendance, 'nobody')).rejects.toMatchObject({
      code: 'STREAM_GROUP_MISSING',
    });
  });
});

describe('DropPolicy', () => {
  it('drops only above the bound, never on an unknown lag, and counts both ways', () => {
    const policy = new DropPolicy(10);

    const decisions = [0, 10, 11, 500, null, undefined, 3].map((lag) => policy.shouldDrop(lag));

    expect(decisions).toEqual([false, false, true, true, false, false, false]);
    expect(policy.dropped).toBe(2);
    expect(policy.kept).toBe(5);
    expect(shouldDrop(11, 10)).toBe(true);
  });

  it('rejects a bound that is not a whole number', () => {
    expect(() => new DropPolicy(-1)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => new DropPolicy(1.5)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
});
