import { setTimeout as delay } from 'node:timers/promises';

import { createKeySpace, type KeySpace } from '@rollcall/streams';
import { useTestRedis } from '@rollcall/testing';

import { T0, standing } from './support/faces';
import { RunningService, appendMatches, storedRecords } from './support/service';

/*
 * The operator's settings in keys.settings, changed while the service runs, change what it
 * records. The service reuses a read for 50 ms here (2 s by default); each change is given
 * 200 ms to be picked up, by the next match or sweep.
 */
const { redis, freshKeys } = useTestRedis('attendance', createKeySpace);
const MINUTE = 60_000;
const REFRESH_MS = 50;

async function changeSettings(keys: KeySpace, fields: Record<string, string>): Promise<void> {
  await redis.hset(keys.settings, fields);
  await delay(4 * REFRESH_MS);
}

function start(keys: KeySpace, name: string): RunningService {
  return new RunningService(redis, keys, { now: T0 }, name, { settingsRefreshMs: REFRESH_MS });
}

/** Ada standing at `cameraId` from `startMs`: a new track, 200 ms between frames. */
function ada(cameraId: string, startMs: number, frames: number, firstSeq: number) {
  return standing({ personId: 'ada', vectorSeed: 1, frames, cameraId, startMs, firstSeq });
}

async function summary(keys: KeySpace) {
  const { records } = await storedRecords(redis, keys);
  return records.map((r) => [r.type, r.cameraId, r.atMs - T0]);
}

describe('the attendance service follows keys.settings', () => {
  it('checks in again once the cooldown is set to 1 ms', async () => {
    const keys = freshKeys();
    const running = start(keys, 'cooldown');

    // The service's own cooldown is 60 min: a second track 10 min later adds nothing.
    await appendMatches(redis, keys, [
      ...ada('door-1', T0, 3, 1),
      ...ada('door-2', T0 + 10 * MINUTE, 3, 10),
    ]);
    await running.drained();
    const before = await summary(keys);

    await changeSettings(keys, { cooldownMs: '1' });
    await appendMatches(redis, keys, ada('door-2', T0 + 20 * MINUTE, 3, 20));
    await running.drained();
    await running.stop();

    expect(before).toEqual([['check_in', 'door-1', 400]]);
    expect(await summary(keys)).toEqual([
      ['check_in', 'door-1', 400],
      ['check_in', 'door-2', 20 * MINUTE + 400],
    ]);
  });

  it('attributes a track only when its votes fit the vote window in force', async () => {
    const keys = freshKeys();
    await redis.hset(keys.settings, 'voteWindowMs', '300');
    const running = start(keys, 'window');

    // Three votes 200 ms apart span 400 ms: too wide for 300 ms, enough for 2 s.
    await appendMatches(redis, keys, ada('door-1', T0, 6, 1));
    await running.drained();
    const narrow = await summary(keys);

    await changeSettings(keys, { voteWindowMs: '2000' });
    await appendMatches(redis, keys, ada('door-1', T0 + MINUTE, 3, 10));
    await running.drained();
    await running.stop();

    expect(narrow).toEqual([]);
    expect(await summary(keys)).toEqual([['check_in', 'door-1', MINUTE + 400]]);
  });

  it('indexes records under the day of the time zone in force', async () => {
    const keys = freshKeys();
    const running = start(keys, 'zone');
    // 23:00 UTC on 4 December: 5 December in Berlin (the service's own zone), 4 December in
    // New York.
    const late = T0 + 14 * 60 * MINUTE;

    await appendMatches(redis, keys, ada('door-1', late, 3, 1));
    await running.drained();
    await changeSettings(keys, { timeZone: 'America/New_York', cooldownMs: '1' });
    await appendMatches(redis, keys, ada('door-2', late + MINUTE, 3, 10));
    await running.drained();
    await running.stop();

    const day = (d: string) => redis.zrange(keys.attendanceByDay(d), 0, -1);
    const { records } = await storedRecords(redis, keys);
    expect(records.map((r) => r.cameraId)).toEqual(['door-1', 'door-2']);
    expect(await day('2026-12-05')).toEqual([records[0]?.recordId]);
    expect(await day('2026-12-04')).toEqual([records[1]?.recordId]);
  });

  it('keeps its own values for fields the hash lacks or holds unreadable', async () => {
    const keys = freshKeys();
    await redis.hset(keys.settings, { cooldownMs: 'soon', threshold: '0.9' });
    const running = start(keys, 'junk');

    await appendMatches(redis, keys, [
      ...ada('door-1', T0, 3, 1),
      ...ada('door-2', T0 + 10 * MINUTE, 3, 10),
    ]);
    await running.drained();
    await running.stop();

    expect(await summary(keys)).toEqual([['check_in', 'door-1', 400]]);
  });
});
