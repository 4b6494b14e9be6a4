import { findPack } from '@rollcall/vision';
import type { FastifyInstance } from 'fastify';

import { adminErrors, bearer } from '../schemas/common';
import type { RouteDeps } from './route-deps';

/** `GET /v1/system`: the model pack the vision side runs, with its licence, for settings. */
export function registerSystemRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.get('/system', {
    schema: {
      tags: ['settings'],
      security: bearer,
      summary: 'The model pack in use and its licence, as its manifest states it',
      response: {
        200: {
          type: 'object',
          properties: {
            vision: { type: 'string' },
            pack: {
              type: ['object', 'null'],
              properties: {
                name: { type: 'string' },
                title: { type: 'string' },
                description: { type: 'string' },
                threshold: { type: ['number', 'null'] },
                licence: {
                  type: 'object',
                  properties: {
                    summary: { type: 'string' },
                    commercialUse: { type: 'string' },
                    url: { type: 'string' },
                  },
                },
              },
            },
            packError: { type: ['string', 'null'] },
          },
        },
        ...adminErrors,
      },
    },
    handler: async () => {
      try {
        const { pack: name } = await deps.vision.ready();
        return { vision: deps.vision.kind, pack: packView(name), packError: null };
      } catch (error) {
        return {
          vision: deps.vision.kind,
          pack: null,
          packError: error instanceof Error ? error.message : String(error),
        };
      }
    },
  });
}

/** What the manifest says; the vision workers may run a pack this machine has no file of. */
function packView(name: string) {
  try {
    const { manifest } = findPack(name);
    return {
      name: manifest.name,
      title: manifest.title,
      description: manifest.description,
      threshold: manifest.threshold ?? null,
      licence: manifest.licence,
    };
  } catch {
    const summary = 'This pack has no manifest on the API machine; its licence is not known here.';
    return {
      name,
      title: name,
      description: '',
      threshold: null,
      licence: { summary, commercialUse: 'unclear' },
    };
  }
}
