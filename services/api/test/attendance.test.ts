import { RecordStore, type AttendanceRecord } from '@rollcall/attendance';

import { startTestApp, type TestApp } from './support/test-app';

let t: TestApp;
let enrolledId: string;

// 2026-03-02 07:30 UTC is 08:30 in Berlin; 23:30 UTC on the 2nd is 00:30 on the 3rd there.
const MORNING = Date.UTC(2026, 2, 2, 7, 30);
const LATE = Date.UTC(2026, 2, 2, 23, 30);

function record(recordId: string, over: Partial<AttendanceRecord>): AttendanceRecord {
  return {
    recordId,
    personId: 'p_ada',
    type: 'check_in',
    atMs: MORNING,
    cameraId: 'cam_front',
    score: 0.71,
    trackId: 't1',
    faceId: 'cam_front:1:0',
    ...over,
  };
}

beforeAll(async () => {
  t = await startTestApp();
  // Written by the attendance service's own store, keyed by days in UTC.
  const store = new RecordStore(t.redis, t.keys, 'UTC');
  await store.write({ record: record('r1', {}) });
  await store.write({ record: record('r2', { type: 'check_out', atMs: MORNING + 3_600_000 }) });
  await store.write({ record: record('r3', { personId: 'p_bob', cameraId: 'cam_back' }) });
  await store.write({ record: record('r4', { atMs: LATE }) });
  await store.write({ record: record('r5', { atMs: Date.UTC(2026, 2, 4, 12) }) });
  const created = await t.app.inject({
    method: 'POST',
    url: '/v1/people',
    headers: { authorization: t.auth },
    payload: { name: '=Ada, "the first"' },
  });
  enrolledId = created.json<{ id: string }>().id;
  await store.write({ record: record('r6', { personId: enrolledId, atMs: Date.UTC(2026, 2, 5) }) });
});

afterAll(async () => {
  await t.close();
});

function get(url: string) {
  return t.app.inject({ url, headers: { authorization: t.auth } });
}

function ids(body: { records: { recordId: string }[] }): string[] {
  return body.records.map((r) => r.recordId);
}

describe('/v1/attendance', () => {
  it("returns one day's records with type, ISO time, camera and score", async () => {
    const reply = await get('/v1/attendance?date=2026-03-02');
    expect(reply.statusCode).toBe(200);
    const body = reply.json<{ records: { recordId: string }[] }>();
    expect(ids(body)).toEqual(['r1', 'r3', 'r2', 'r4']);
    expect(body.records[0]).toEqual({
      recordId: 'r1',
      personId: 'p_ada',
      type: 'check_in',
      at: '2026-03-02T07:30:00.000Z',
      cameraId: 'cam_front',
      score: expect.closeTo(0.71, 5) as number,
    });
    expect(body.records[2]).toMatchObject({ type: 'check_out' });
  });

  it('filters by person and by camera', async () => {
    expect(ids((await get('/v1/attendance?date=2026-03-02&personId=p_bob')).json())).toEqual([
      'r3',
    ]);
    const front = await get('/v1/attendance?date=2026-03-02&cameraId=cam_front');
    expect(ids(front.json())).toEqual(['r1', 'r2', 'r4']);
    const both = await get('/v1/attendance?date=2026-03-02&cameraId=cam_back&personId=p_ada');
    expect(ids(both.json())).toEqual([]);
  });

  it("reads days in the settings' time zone", async () => {
    await t.app.inject({
      method: 'PATCH',
      url: '/v1/settings',
      headers: { authorization: t.auth },
      payload: { timeZone: 'Europe/Berlin' },
    });
    expect(ids((await get('/v1/attendance?date=2026-03-03')).json())).toEqual(['r4']);
    expect(ids((await get('/v1/attendance?date=2026-03-02')).json())).toEqual(['r1', 'r3', 'r2']);
    await t.app.inject({
      method: 'PATCH',
      url: '/v1/settings',
      headers: { authorization: t.auth },
      payload: { timeZone: 'UTC' },
    });
  });

  it('refuses a date that is not one', async () => {
    for (const date of ['2026-02-30', 'yesterday']) {
      const reply = await get(`/v1/attendance?date=${date}`);
      expect(reply.statusCode).toBe(400);
      expect(reply.json()).toMatchObject({ error: { details: { field: 'querystring.date' } } });
    }
  });

  it('exports CSV with display names, quoting what needs it', async () => {
    const reply = await get('/v1/attendance.csv?date=2026-03-02&personId=p_bob');
    expect(reply.headers['content-type']).toMatch(/^text\/csv/);
    expect(reply.headers['content-disposition']).toContain('attendance-2026-03-02.csv');
    expect(reply.body.split('\r\n')).toEqual([
      'recordId,personId,name,type,at,cameraId,score',
      'r3,p_bob,,check_in,2026-03-02T07:30:00.000Z,cam_back,0.7100',
      '',
    ]);

    // A name with a comma and quotes is quoted; one that starts a formula is defused.
    const named = await get(`/v1/attendance.csv?date=2026-03-05&personId=${enrolledId}`);
    expect(named.body.split('\r\n')[1]).toBe(
      `r6,${enrolledId},"'=Ada, ""the first""",check_in,2026-03-05T00:00:00.000Z,cam_front,0.7100`,
    );
  });
});
