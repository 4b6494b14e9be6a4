import { RecordStore, type AttendanceRecord } from '@rollcall/attendance';
import { unzipSync, strFromU8 } from 'fflate';

import { codeOf, startTestApp, type TestApp } from './support/test-app';

let t: TestApp;
let ada: string;
let bob: string;
let cy: string;
let dan: string;

// 2026-03-02 and 03 (a Monday and a Tuesday), UTC (the settings' default zone).
const at = (day: number, hh: number, mm: number) => Date.UTC(2026, 2, day, hh, mm);
// Enrolment times: the people exist from the Friday before, Dan from the Tuesday.
let clockMs = Date.UTC(2026, 1, 27, 12, 0);

function record(recordId: string, over: Partial<AttendanceRecord>): AttendanceRecord {
  return {
    recordId,
    personId: ada,
    type: 'check_in',
    atMs: at(2, 8, 30),
    cameraId: 'cam_front',
    score: 0.8,
    trackId: 't1',
    faceId: 'cam_front:1:0',
    ...over,
  };
}

async function person(name: string, group?: string): Promise<string> {
  const reply = await t.app.inject({
    method: 'POST',
    url: '/v1/people',
    headers: { authorization: t.auth },
    payload: group === undefined ? { name } : { name, group },
  });
  return reply.json<{ id: string }>().id;
}

beforeAll(async () => {
  t = await startTestApp({ consoleDir: null, clock: () => clockMs });
  ada = await person('Ada', 'Lab');
  bob = await person('Bob', 'Lab');
  cy = await person('Cy');
  clockMs = at(3, 10, 0);
  dan = await person('Dan', 'Lab');
  clockMs = at(10, 12, 0);
  const store = new RecordStore(t.redis, t.keys, 'UTC');
  // Ada: in 08:30, out 12:00, in 13:00, out 17:15 on the 2nd; in 09:20 on the 3rd, no out.
  await store.write({ record: record('a1', {}) });
  await store.write({ record: record('a2', { type: 'check_out', atMs: at(2, 12, 0) }) });
  await store.write({ record: record('a3', { atMs: at(2, 13, 0) }) });
  await store.write({ record: record('a4', { type: 'check_out', atMs: at(2, 17, 15) }) });
  await store.write({ record: record('a5', { atMs: at(3, 9, 20) }) });
  // Bob: in 09:45 on the 2nd only, and on Sunday the 1st.
  await store.write({ record: record('b1', { personId: bob, atMs: at(2, 9, 45) }) });
  await store.write({ record: record('b0', { personId: bob, atMs: at(1, 10, 0) }) });
  // Someone deleted since, in on the 2nd.
  await store.write({ record: record('g1', { personId: 'p_gone', atMs: at(2, 8, 0) }) });
});

afterAll(async () => {
  await t.close();
});

function get(url: string) {
  return t.app.inject({ url, headers: { authorization: t.auth } });
}

interface Row {
  date: string;
  personId: string;
  status: string;
  late: boolean;
  firstIn: string | null;
  lastOut: string | null;
  hoursMs: number;
  open: boolean;
}

describe('/v1/reports/attendance', () => {
  it('gives present, absent, late, first in, last out and hours per person per day', async () => {
    const reply = await get('/v1/reports/attendance?from=2026-03-02&to=2026-03-03');
    expect(reply.statusCode).toBe(200);
    const body = reply.json<{ rows: Row[]; arrivals: number[]; timeZone: string }>();
    expect(body.timeZone).toBe('UTC');
    const row = (date: string, id: string) =>
      body.rows.find((r) => r.date === date && r.personId === id);

    expect(row('2026-03-02', ada)).toMatchObject({
      status: 'present',
      late: false,
      firstIn: '08:30',
      lastOut: '17:15',
      hoursMs: (3.5 + 4.25) * 3_600_000,
      open: false,
    });
    expect(row('2026-03-02', bob)).toMatchObject({ late: true, firstIn: '09:45', open: true });
    expect(row('2026-03-03', ada)).toMatchObject({ late: true, lastOut: null, hoursMs: 0 });
    expect(row('2026-03-02', cy)).toMatchObject({ status: 'absent', firstIn: null });
    // Dan was enrolled on the 3rd: absent that day, not the day before.
    expect(row('2026-03-02', dan)).toBeUndefined();
    expect(row('2026-03-03', dan)).toMatchObject({ status: 'absent' });
    expect(row('2026-03-02', 'p_gone')).toMatchObject({ status: 'present', name: null });
    expect(row('2026-03-03', 'p_gone')).toBeUndefined();
    expect(body.rows).toHaveLength(8);
    expect(body.arrivals[8]).toBe(2);
    expect(body.arrivals[9]).toBe(2);
  });

  it('totals per person and per group, and filters by group and late time', async () => {
    const reply = await get('/v1/reports/attendance?from=2026-03-02&to=2026-03-03&group=Lab');
    const body = reply.json<{
      rows: Row[];
      people: { id: string; present: number; absent: number; late: number }[];
      groups: { group: string | null; people: number; present: number; absent: number }[];
    }>();
    expect(body.people.map((p) => p.id).sort()).toEqual([ada, bob, dan].sort());
    expect(body.people.find((p) => p.id === bob)).toMatchObject({ present: 1, absent: 1 });
    expect(body.groups).toEqual([
      expect.objectContaining({ group: 'Lab', people: 3, present: 3, absent: 2 }),
    ]);

    // The deleted person is in no group's totals.
    const all = await get('/v1/reports/attendance?from=2026-03-02');
    expect(all.json<{ groups: { group: string | null; people: number }[] }>().groups).toEqual([
      expect.objectContaining({ group: null, people: 1 }),
      expect.objectContaining({ group: 'Lab', people: 2 }),
    ]);

    const lenient = await get('/v1/reports/attendance?from=2026-03-02&lateAfter=10:00');
    expect(lenient.json<{ rows: Row[] }>().rows.filter((r) => r.late)).toEqual([]);
  });

  it('exports CSV and an XLSX workbook with the same rows', async () => {
    const csv = await get('/v1/reports/attendance.csv?from=2026-03-02&personId=' + ada);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toContain('attendance-2026-03-02.csv');
    expect(csv.body).toBe(
      'date,personId,name,group,status,late,firstIn,lastOut,hours\r\n' +
        `2026-03-02,${ada},Ada,Lab,present,no,2026-03-02T08:30:00+00:00,` +
        '2026-03-02T17:15:00+00:00,7.75\r\n',
    );
    const gone = await get('/v1/reports/attendance.csv?from=2026-03-02');
    expect(gone.body).toContain(',p_gone,(deleted person),,present,');

    const xlsx = await get('/v1/reports/attendance.xlsx?from=2026-03-02&to=2026-03-03');
    expect(xlsx.headers['content-disposition']).toContain('attendance-2026-03-02_2026-03-03.xlsx');
    const files = unzipSync(new Uint8Array(xlsx.rawPayload));
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining([
        '[Content_Types].xml',
        'xl/workbook.xml',
        'xl/worksheets/sheet1.xml',
      ]),
    );
    const days = strFromU8(files['xl/worksheets/sheet1.xml'] as Uint8Array);
    expect(days).toContain('<t xml:space="preserve">Ada</t>');
    expect(days).toContain('<v>7.75</v>');
    expect(days.match(/<row /g)).toHaveLength(9);
    expect(strFromU8(files['xl/workbook.xml'] as Uint8Array)).toContain('name="Groups"');
  });

  it('counts no one absent on a day off, and the working days are a setting', async () => {
    const weekend = await get('/v1/reports/attendance?from=2026-02-28&to=2026-03-01');
    const rows = weekend.json<{ rows: Row[]; workdays: string[] }>();
    expect(rows.workdays).toEqual(['mon', 'tue', 'wed', 'thu', 'fri']);
    expect(rows.rows.map((r) => [r.date, r.personId, r.status])).toEqual([
      ['2026-03-01', bob, 'present'],
    ]);

    const patch = await t.app.inject({
      method: 'PATCH',
      url: '/v1/settings',
      headers: { authorization: t.auth },
      payload: { workdays: ['sun', 'sat'] },
    });
    expect(patch.json()).toMatchObject({ workdays: ['sat', 'sun'] });
    const sunday = await get('/v1/reports/attendance?from=2026-03-01');
    expect(sunday.json<{ rows: Row[] }>().rows.filter((r) => r.status === 'absent')).toHaveLength(
      2,
    );
    const bad = await t.app.inject({
      method: 'PATCH',
      url: '/v1/settings',
      headers: { authorization: t.auth },
      payload: { workdays: ['someday'] },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('refuses a backwards or too long range, and a day that does not exist', async () => {
    for (const query of ['from=2026-03-05&to=2026-03-01', 'from=2026-01-01&to=2026-06-01']) {
      const reply = await get(`/v1/reports/attendance?${query}`);
      expect([query, reply.statusCode, codeOf(reply.body)]).toEqual([
        query,
        400,
        'INVALID_ARGUMENT',
      ]);
    }
    expect((await get('/v1/reports/attendance?from=2026-02-30')).statusCode).toBe(400);
    expect((await get('/v1/reports/attendance?lateAfter=25:00')).statusCode).toBe(400);
  });
});
