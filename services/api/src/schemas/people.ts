import type { Person, PersonSummary, Sample } from '@rollcall/registry';

import { iso } from './common';

const nullableText = (maxLength: number) =>
  ({ type: ['string', 'null'], minLength: 1, maxLength }) as const;

export const newPersonBody = {
  type: 'object',
  required: ['name'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 200 },
    group: nullableText(100),
    externalId: nullableText(200),
  },
} as const;

export const personPatchBody = {
  ...newPersonBody,
  required: [],
  minProperties: 1,
} as const;

export const listPeopleQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    search: { type: 'string', maxLength: 200 },
    group: { type: 'string', maxLength: 100 },
    offset: { type: 'integer', minimum: 0, default: 0 },
    limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
  },
} as const;

export const personView = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    group: { type: ['string', 'null'] },
    externalId: { type: ['string', 'null'] },
    sampleCount: { type: 'integer' },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
  },
} as const;

export const qualityView = {
  type: 'object',
  properties: {
    eyeDistance: { type: 'number' },
    sharpness: { type: 'number' },
    yaw: { type: 'number' },
    pitch: { type: 'number' },
    roll: { type: 'number' },
    score: { type: 'number' },
  },
} as const;

export const sampleView = {
  type: 'object',
  properties: {
    sampleId: { type: 'string' },
    personId: { type: 'string' },
    modelId: { type: 'string' },
    quality: { anyOf: [qualityView, { type: 'null' }] },
    hasCrop: { type: 'boolean' },
    createdAt: { type: 'string', format: 'date-time' },
  },
} as const;

export interface PersonJson {
  id: string;
  name: string;
  group: string | null;
  externalId: string | null;
  sampleCount?: number;
  createdAt: string;
  updatedAt: string;
}

export function personJson(person: Person | PersonSummary, sampleCount?: number): PersonJson {
  const count = 'sampleCount' in person ? person.sampleCount : sampleCount;
  return {
    id: person.id,
    name: person.name,
    group: person.group,
    externalId: person.externalId,
    ...(count === undefined ? {} : { sampleCount: count }),
    createdAt: iso(person.createdAtMs),
    updatedAt: iso(person.updatedAtMs),
  };
}

export function sampleJson(sample: Sample) {
  return {
    sampleId: sample.id,
    personId: sample.personId,
    modelId: sample.modelId,
    quality: sample.quality,
    hasCrop: sample.hasCrop,
    createdAt: iso(sample.createdAtMs),
  };
}
