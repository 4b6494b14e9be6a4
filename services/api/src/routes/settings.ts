import type { FastifyInstance } from 'fastify';

import { adminErrors, bearer } from '../schemas/common';
import { WEEKDAYS } from '@rollcall/settings';

import { readSettings, updateSettings, type ApiSettings } from '../settings/settings-store';
import type { RouteDeps } from './route-deps';

const tags = ['settings'];

const settingsFields = {
  threshold: { type: ['number', 'null'], minimum: -1, maximum: 1 },
  cooldownMs: { type: 'integer', minimum: 1, maximum: 30 * 86_400_000 },
  voteWindowMs: { type: 'integer', minimum: 1, maximum: 600_000 },
  timeZone: { type: 'string', minLength: 1, maxLength: 64 },
  workdays: {
    type: 'array',
    description: 'Weekdays a person who did not come counts as absent in reports',
    items: { type: 'string', enum: WEEKDAYS },
    minItems: 1,
    uniqueItems: true,
  },
} as const;

const settingsView = { type: 'object', properties: settingsFields } as const;

export function registerSettingsRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.get('/settings', {
    schema: {
      tags,
      security: bearer,
      summary:
        'Match threshold (null: the pack default), cooldown, vote window, time zone, workdays',
      response: { 200: settingsView, ...adminErrors },
    },
    handler: () => readSettings(deps.redis, deps.keys),
  });

  app.patch<{ Body: Partial<ApiSettings> }>('/settings', {
    schema: {
      tags,
      security: bearer,
      summary: 'Change some settings; the result is returned',
      body: {
        type: 'object',
        additionalProperties: false,
        minProperties: 1,
        properties: settingsFields,
      },
      response: { 200: settingsView, ...adminErrors },
    },
    handler: (request) => updateSettings(deps.redis, deps.keys, request.body),
  });
}
