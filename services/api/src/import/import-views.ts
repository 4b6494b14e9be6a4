/** JSON schemas of the import routes (also what the OpenAPI document shows). */
import { iso } from '../schemas/common';
import { codeMessageView, lookAlikeView, qualityIssuesView } from '../schemas/enrollment';
import type { ImportView, OutcomePage } from './import-queue';

const counters = (names: string[]) =>
  ({
    type: 'object',
    properties: Object.fromEntries(names.map((name) => [name, { type: 'integer' }])),
  }) as const;

export const importView = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    state: { type: 'string', enum: ['queued', 'running', 'completed', 'failed'] },
    source: {
      type: 'object',
      properties: {
        kind: { type: 'string', enum: ['zip', 'folder'] },
        file: { type: 'string' },
        bytes: { type: 'integer' },
        folder: { type: 'string' },
      },
    },
    createdAt: { type: 'string', format: 'date-time' },
    startedAt: { type: ['string', 'null'], format: 'date-time' },
    finishedAt: { type: ['string', 'null'], format: 'date-time' },
    progress: {
      type: 'object',
      properties: {
        people: counters(['total', 'done', 'created']),
        photos: counters(['total', 'done', 'accepted', 'refused']),
        ignored: { type: 'integer' },
      },
    },
    error: { anyOf: [codeMessageView, { type: 'null' }] },
  },
} as const;

export const outcomeView = {
  type: 'object',
  properties: {
    path: { type: 'string' },
    person: { type: ['string', 'null'] },
    personId: { type: ['string', 'null'] },
    status: { type: 'string', enum: ['accepted', 'refused'] },
    sampleId: { type: 'string' },
    code: { type: 'string' },
    message: { type: 'string' },
    issues: qualityIssuesView,
    warnings: { type: 'array', items: lookAlikeView },
    newPerson: { type: 'boolean' },
  },
} as const;

export const importWithFilesView = {
  type: 'object',
  properties: {
    ...importView.properties,
    files: { type: 'array', items: outcomeView },
    filesTotal: { type: 'integer' },
  },
} as const;

/** The JSON of an import: times as ISO 8601 UTC, as every time leaves the API. */
export function importJson(view: ImportView) {
  const { createdAtMs, startedAtMs, finishedAtMs, ...rest } = view;
  return {
    ...rest,
    createdAt: iso(createdAtMs),
    startedAt: startedAtMs === null ? null : iso(startedAtMs),
    finishedAt: finishedAtMs === null ? null : iso(finishedAtMs),
  };
}

export function importWithFilesJson(view: ImportView, page: OutcomePage) {
  return { ...importJson(view), files: page.files, filesTotal: page.total };
}
