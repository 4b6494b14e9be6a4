import { createKeySpace, type KeySpace } from '@rollcall/streams';
import { useTestRedis } from '@rollcall/testing';

import { recordsByCamera, recordsByDay, recordsByPerson } from '../src';
import { T0 } from './support/faces';
import { AFTER_TIMEOUT, morning } from './support/morning';
import { RunningService, appendMatches, storedRecords } from './support/service';

const { redis, freshKeys: keySpace } = useTestRedis('attendance', createKeySpace);

async function markExit(keys: KeySpace): Promise<void> {
  await redis.hset(keys.cameraConfig('exit-1'), 'role', 'exit');
}

describe('the attendance service on Redis', () => {
  it('records check-ins, an exit check-out and a timeout check-out from the matches', async () => {
    const keys = keySpace();
    await markExit(keys);
    await appendMatches(redis, keys, morning());
    const running = new RunningService(redis, keys, { now: T0 }, 'one');

    await running.drained();
    await running.sweepAt(AFTER_TIMEOUT);
    await running.stop();
    const { records, streamLength } = await storedRecords(redis, keys);

    expect(records.map((r) => [r.personId, r.type, r.cameraId, r.atMs - T0])).toEqual([
      ['ada', 'check_in', 'door-1', 400],
      ['bob', 'check_in', 'door-2', 500],
      ['bob', 'check_out', 'door-2', 1_500],
      ['ada', 'check_out', 'exit-1', 300_400],
    ]);
    expect(streamLength).toBe(4);

    const berlin = { timeZone: 'Europe/Berlin' };
    const day = await recordsByDay(redis, keys, '2026-12-04', berlin);
    expect(day.map((r) => r.recordId)).toEqual(records.map((r) => r.recordId));
    const ada = await recordsByPerson(redis, keys, 'ada', berlin);
    expect(ada.map((r) => r.type)).toEqual(['check_in', 'check_out']);
    const exit = await recordsByCamera(redis, keys, 'exit-1', berlin);
    expect(exit.map((r) => [r.personId, r.type, r.localTime])).toEqual([
      ['ada', 'check_out', '2026-12-04T10:05:00.400+01:00'],
    ]);
  });

  it('dead-letters an entry it cannot read and goes on', async () => {
    const keys = keySpace();
    await redis.xadd(keys.matches.key, '*', 'v', '1', 'type', 'FaceMatched', 'data', 'junk');
    await appendMatches(redis, keys, morning());
    const running = new RunningService(redis, keys, { now: T0 }, 'dead');

    await running.drained();
    await running.stop();

    expect(await redis.xlen(keys.deadLetters(keys.matches).key)).toBe(1);
    expect((await storedRecords(redis, keys)).records.length).toBeGreaterThan(0);
  });

  it('gives exactly the same records when the same matches are processed twice', async () => {
    const keys = keySpace();
    await markExit(keys);
    const matches = morning();
    await appendMatches(redis, keys, matches);
    const running = new RunningService(redis, keys, { now: T0 }, 'first');
    await running.drained();
    await running.sweepAt(AFTER_TIMEOUT);
    const once = await storedRecords(redis, keys);

    // The same entries appended again, to the same process.
    await appendMatches(redis, keys, matches);
    await running.drained();
    await running.sweepAt(AFTER_TIMEOUT + 60_000);
    await running.stop();
    const replayed = await storedRecords(redis, keys);

    // And the whole stream read again by a new process, the group rewound to the start.
    await redis.call('XGROUP', 'SETID', keys.matches.key, 'attendance', '0');
    const fresh = new RunningService(redis, keys, { now: AFTER_TIMEOUT }, 'second');
    await fresh.drained();
    await fresh.sweepAt(AFTER_TIMEOUT + 120_000);
    await fresh.stop();
    const reread = await storedRecords(redis, keys);

    expect(once.records).toHaveLength(4);
    expect(replayed).toEqual(once);
    expect(reread).toEqual(once);
  });

  it('adds no duplicate when the service is restarted mid-sequence', async () => {
    const matches = morning();
    const reference = keySpace();
    await markExit(reference);
    await appendMatches(redis, reference, matches);
    const uninterrupted = new RunningService(redis, reference, { now: T0 }, 'reference');
    await uninterrupted.drained();
    await uninterrupted.sweepAt(AFTER_TIMEOUT);
    await uninterrupted.stop();
    const expected = await storedRecords(redis, reference);

    // Both people are checked in before the stop; the new process sees the rest.
    const keys = keySpace();
    await markExit(keys);
    const split = T0 + 700;
    await appendMatches(
      redis,
      keys,
      matches.filter((m) => m.capturedAtMs <= split),
    );
    const before = new RunningService(redis, keys, { now: T0 }, 'before');
    await before.drained();
    await before.stop();
    const atStop = await storedRecords(redis, keys);

    await appendMatches(
      redis,
      keys,
      matches.filter((m) => m.capturedAtMs > split),
    );
    const after = new RunningService(redis, keys, { now: T0 }, 'after');
    await after.drained();
    await after.sweepAt(AFTER_TIMEOUT);
    await after.stop();
    const actual = await storedRecords(redis, keys);

    expect(atStop.records.map((r) => [r.personId, r.type])).toEqual([
      ['ada', 'check_in'],
      ['bob', 'check_in'],
    ]);
    const summary = (r: (typeof actual.records)[number]) => [
      r.recordId,
      r.personId,
      r.type,
      r.atMs,
    ];
    expect(actual.records.map(summary)).toEqual(expected.records.map(summary));
    expect(actual.streamLength).toBe(expected.streamLength);
  });
});
