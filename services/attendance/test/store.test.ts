import { createKeySpace } from '@rollcall/streams';
import { useTestRedis } from '@rollcall/testing';

import {
  RecordStore,
  loadPresence,
  recordsByCamera,
  recordsByDay,
  recordsByPerson,
  type AttendanceRecord,
  type PersonPresence,
} from '../src';

const { redis, keys } = useTestRedis('attendance', createKeySpace);

function record(recordId: string, personId: string, atMs: number, cameraId: string) {
  const type = recordId.startsWith('out') ? 'check_out' : 'check_in';
  return {
    recordId,
    personId,
    type,
    atMs,
    cameraId,
    // Exact in float32, the proto's type for scores.
    score: 0.625,
    trackId: `${cameraId}:1:0@${atMs}`,
    faceId: `${cameraId}:1:0`,
  } satisfies AttendanceRecord;
}

function presence(r: AttendanceRecord): PersonPresence {
  return {
    personId: r.personId,
    checkInAtMs: r.atMs,
    checkInRecordId: r.recordId,
    present: r.type === 'check_in',
    lastSeenAtMs: r.atMs,
    cameraId: r.cameraId,
    trackId: r.trackId,
    faceId: r.faceId,
    score: r.score,
  };
}

describe('RecordStore and the queries', () => {
  // 23:30 UTC on 4 December is 00:30 on 5 December in Berlin.
  const late = record('in-ada', 'ada', Date.UTC(2026, 11, 4, 23, 30), 'door-1');
  const early = record('in-bob', 'bob', Date.UTC(2026, 11, 4, 8, 0), 'door-2');
  const out = record('out-ada', 'ada', Date.UTC(2026, 11, 5, 7, 0), 'exit-1');

  let live: RecordStore;
  beforeAll(() => {
    live = new RecordStore(redis, keys, 'Europe/Berlin');
  });

  it('writes a record once, however often it is written', async () => {
    const decision = { record: late, presence: presence(late) };

    expect(await live.write(decision)).toBe('written');
    expect(await live.write(decision)).toBe('duplicate');
    expect(await live.write({ record: early, presence: presence(early) })).toBe('written');
    expect(await live.write({ record: out, presence: { ...presence(late), present: false } })).toBe(
      'written',
    );

    expect(await redis.xlen(keys.attendance.key)).toBe(3);
    expect(await redis.hlen(keys.attendanceRecords)).toBe(3);
  });

  it('finds records by local day, person and camera, reported in the zone', async () => {
    const berlin = { timeZone: 'Europe/Berlin' };

    const dec5 = await recordsByDay(redis, keys, '2026-12-05', berlin);
    const dec4 = await recordsByDay(redis, keys, '2026-12-04', berlin);
    expect(dec5.map((r) => r.recordId)).toEqual(['in-ada', 'out-ada']);
    expect(dec4.map((r) => r.recordId)).toEqual(['in-bob']);
    expect(dec5[0]).toMatchObject({
      ...late,
      localDay: '2026-12-05',
      localTime: '2026-12-05T00:30:00.000+01:00',
    });

    const ada = await recordsByPerson(redis, keys, 'ada', berlin);
    expect(ada.map((r) => [r.recordId, r.type])).toEqual([
      ['in-ada', 'check_in'],
      ['out-ada', 'check_out'],
    ]);
    const adaLater = await recordsByPerson(redis, keys, 'ada', {
      ...berlin,
      fromMs: late.atMs + 1,
    });
    expect(adaLater.map((r) => r.recordId)).toEqual(['out-ada']);

    const exit = await recordsByCamera(redis, keys, 'exit-1', { timeZone: 'UTC' });
    expect(exit.map((r) => [r.recordId, r.localTime])).toEqual([
      ['out-ada', '2026-12-05T07:00:00.000+00:00'],
    ]);
    expect(await recordsByCamera(redis, keys, 'door-3', berlin)).toEqual([]);
  });

  it('keeps the presence written with the last record, and restores it', async () => {
    const restored = await loadPresence(redis, keys);

    expect(restored.find((p) => p.personId === 'ada')).toMatchObject({
      checkInRecordId: 'in-ada',
      present: false,
    });
    expect(restored.find((p) => p.personId === 'bob')).toMatchObject({ present: true });
  });

  it('skips a presence value it cannot read', async () => {
    await redis.hset(keys.attendancePresence, 'eve', '{"personId":"eve"');

    const restored = await loadPresence(redis, keys);

    expect(restored.map((p) => p.personId).sort()).toEqual(['ada', 'bob']);
  });

  it('refuses a day that is not YYYY-MM-DD', async () => {
    await expect(recordsByDay(redis, keys, '5.12.2026', { timeZone: 'UTC' })).rejects.toMatchObject(
      { code: 'INVALID_ARGUMENT' },
    );
  });
});
