import type { FastifyInstance } from 'fastify';

import { gatherReport, MAX_REPORT_DAYS, type ReportQuery } from '../reports/gather-report';
import {
  DELETED_PERSON,
  REPORT_COLUMNS,
  reportTable,
  tableCsv,
  type Cell,
} from '../reports/report-table';
import { xlsxWorkbook } from '../reports/xlsx-workbook';
import { adminErrors, bearer, ID_PATTERN } from '../schemas/common';
import type { RouteDeps } from './route-deps';

const tags = ['reports'];
const DATE = '^\\d{4}-\\d{2}-\\d{2}$';

const reportQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    from: { type: 'string', pattern: DATE, description: 'First local day. Default: today' },
    to: { type: 'string', pattern: DATE, description: `Last day, at most ${MAX_REPORT_DAYS}` },
    personId: { type: 'string', pattern: ID_PATTERN },
    group: { type: 'string', minLength: 1, maxLength: 100 },
    lateAfter: {
      type: 'string',
      pattern: '^([01]\\d|2[0-3]):[0-5]\\d$',
      description: 'HH:MM; a first check-in after it is late. Default 09:00',
    },
  },
} as const;

const nullableText = { type: ['string', 'null'] } as const;
const totals = {
  present: { type: 'integer' },
  absent: { type: 'integer' },
  late: { type: 'integer' },
  hoursMs: { type: 'integer' },
} as const;

const reportView = {
  type: 'object',
  properties: {
    from: { type: 'string' },
    to: { type: 'string' },
    timeZone: { type: 'string' },
    lateAfter: { type: 'string' },
    workdays: { type: 'array', items: { type: 'string' } },
    rows: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          date: { type: 'string' },
          personId: { type: 'string' },
          name: nullableText,
          group: nullableText,
          status: { type: 'string', enum: ['present', 'absent'] },
          late: { type: 'boolean' },
          firstInMs: { type: ['integer', 'null'] },
          lastOutMs: { type: ['integer', 'null'] },
          firstIn: nullableText,
          lastOut: nullableText,
          hoursMs: { type: 'integer' },
          open: { type: 'boolean' },
        },
      },
    },
    people: {
      type: 'array',
      items: {
        type: 'object',
        properties: { id: { type: 'string' }, name: nullableText, group: nullableText, ...totals },
      },
    },
    groups: {
      type: 'array',
      items: {
        type: 'object',
        properties: { group: nullableText, people: { type: 'integer' }, ...totals },
      },
    },
    arrivals: { type: 'array', items: { type: 'integer' } },
  },
} as const;

/** Per day or range, per person or group: JSON for the console, CSV and XLSX to export. */
export function registerReportRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.get<{ Querystring: ReportQuery }>('/reports/attendance', {
    schema: {
      tags,
      security: bearer,
      summary: 'Present, absent, late, first in, last out and hours per person per day',
      querystring: reportQuery,
      response: { 200: reportView, ...adminErrors },
    },
    handler: (request) => gatherReport(deps, request.query),
  });

  app.get<{ Querystring: ReportQuery }>('/reports/attendance.csv', {
    schema: {
      tags,
      security: bearer,
      summary: 'The report as CSV: one row per person per day',
      querystring: reportQuery,
      produces: ['text/csv'],
      response: { ...adminErrors },
    },
    handler: async (request, reply) => {
      const report = await gatherReport(deps, request.query);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', attachment(report, 'csv'))
        .send(tableCsv(REPORT_COLUMNS, reportTable(report.rows, report.timeZone)));
    },
  });

  app.get<{ Querystring: ReportQuery }>('/reports/attendance.xlsx', {
    schema: {
      tags,
      security: bearer,
      summary: 'The report as an Excel workbook: the days, and totals per person and group',
      querystring: reportQuery,
      produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      response: { ...adminErrors },
    },
    handler: async (request, reply) => {
      const report = await gatherReport(deps, request.query);
      const hours = (ms: number) => Math.round((ms / 3_600_000) * 100) / 100;
      const people: Cell[][] = report.people.map((p) => [
        p.id,
        p.name ?? DELETED_PERSON,
        p.group ?? '',
        p.present,
        p.absent,
        p.late,
        hours(p.hoursMs),
      ]);
      const groups: Cell[][] = report.groups.map((g) => [
        g.group ?? '',
        g.people,
        g.present,
        g.absent,
        g.late,
        hours(g.hoursMs),
      ]);
      const workbook = xlsxWorkbook([
        { name: 'Days', rows: [[...REPORT_COLUMNS], ...reportTable(report.rows, report.timeZone)] },
        {
          name: 'People',
          rows: [['personId', 'name', 'group', 'present', 'absent', 'late', 'hours'], ...people],
        },
        {
          name: 'Groups',
          rows: [['group', 'people', 'present', 'absent', 'late', 'hours'], ...groups],
        },
      ]);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', attachment(report, 'xlsx'))
        .send(workbook);
    },
  });
}

function attachment(report: { from: string; to: string }, extension: string): string {
  const span = report.from === report.to ? report.from : `${report.from}_${report.to}`;
  return `attachment; filename="attendance-${span}.${extension}"`;
}
