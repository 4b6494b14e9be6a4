import { findPerson } from '@rollcall/registry';
import type { FastifyInstance } from 'fastify';

import type { AttendanceRow } from '../attendance/attendance-reader';
import { attendanceCsv } from '../attendance/attendance-csv';
import { today } from '../attendance/local-day';
import { adminErrors, bearer, ID_PATTERN, iso } from '../schemas/common';
import { readSettings } from '../settings/settings-store';
import type { RouteDeps } from './route-deps';

const tags = ['attendance'];

interface AttendanceParams {
  date?: string;
  personId?: string;
  cameraId?: string;
  limit: number;
}

const attendanceQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Default: today' },
    personId: { type: 'string', pattern: ID_PATTERN },
    cameraId: { type: 'string', pattern: ID_PATTERN },
    limit: { type: 'integer', minimum: 1, maximum: 100_000, default: 10_000 },
  },
} as const;

const recordView = {
  type: 'object',
  properties: {
    recordId: { type: 'string' },
    personId: { type: 'string' },
    type: { type: 'string', enum: ['check_in', 'check_out'] },
    at: { type: 'string', format: 'date-time' },
    cameraId: { type: 'string' },
    score: { type: 'number' },
  },
} as const;

export function registerAttendanceRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const read = async (query: AttendanceParams) => {
    const { timeZone } = await readSettings(deps.redis, deps.keys);
    const day = query.date ?? today(deps.now(), timeZone);
    const rows = await deps.attendance.records({ ...query, day, timeZone });
    return { day, timeZone, rows };
  };

  app.get<{ Querystring: AttendanceParams }>('/attendance', {
    schema: {
      tags,
      security: bearer,
      summary: "One day's records (in the settings' time zone), by person and camera",
      querystring: attendanceQuery,
      response: {
        200: {
          type: 'object',
          properties: {
            date: { type: 'string' },
            timeZone: { type: 'string' },
            records: { type: 'array', items: recordView },
          },
        },
        ...adminErrors,
      },
    },
    handler: async (request) => {
      const { day, timeZone, rows } = await read(request.query);
      return { date: day, timeZone, records: rows.map(recordJson) };
    },
  });

  app.get<{ Querystring: AttendanceParams }>('/attendance.csv', {
    schema: {
      tags,
      security: bearer,
      summary: 'The same records as CSV, with display names',
      querystring: attendanceQuery,
      produces: ['text/csv'],
      response: { ...adminErrors },
    },
    handler: async (request, reply) => {
      const { day, rows } = await read(request.query);
      const names = await displayNames(deps, rows);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="attendance-${day}.csv"`)
        .send(attendanceCsv(rows, names));
    },
  });
}

function recordJson(row: AttendanceRow) {
  const { atMs, ...rest } = row;
  return { ...rest, at: iso(atMs) };
}

async function displayNames(deps: RouteDeps, rows: readonly AttendanceRow[]) {
  const names = new Map<string, string>();
  for (const id of new Set(rows.map((r) => r.personId))) {
    const person = await findPerson(deps.registry, id);
    if (person !== undefined) names.set(id, person.name);
  }
  return names;
}
