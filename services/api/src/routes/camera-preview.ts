import { RollcallError } from '@rollcall/errors';
import type { FastifyInstance } from 'fastify';

import { getCamera } from '../cameras/camera-store';
import { frameSightings, latestFrame } from '../preview/camera-preview';
import { adminErrors, bearer, idParam } from '../schemas/common';
import type { RouteDeps } from './route-deps';

const tags = ['cameras'];
const params = { type: 'object', required: ['id'], properties: { id: idParam } } as const;

const sightingView = {
  type: 'object',
  properties: {
    box: {
      type: 'object',
      properties: {
        x: { type: 'number' },
        y: { type: 'number' },
        width: { type: 'number' },
        height: { type: 'number' },
      },
    },
    personId: { type: ['string', 'null'] },
    name: { type: ['string', 'null'] },
    score: { type: 'number' },
    capturedAtMs: { type: 'integer' },
  },
} as const;

/** The live preview: a camera's newest frame, and the faces matched in it. */
export function registerCameraPreviewRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.get<{ Params: { id: string }; Querystring: { seq?: number } }>('/cameras/:id/frame', {
    schema: {
      tags,
      security: bearer,
      summary: "The camera's newest frame on the frames stream, or frame `seq` (JPEG)",
      params,
      querystring: {
        type: 'object',
        properties: { seq: { type: 'integer', minimum: 0 } },
        additionalProperties: false,
      },
      produces: ['image/jpeg'],
      response: { ...adminErrors },
    },
    handler: async (request, reply) => {
      const camera = await getCamera(deps.cameras, request.params.id);
      const seq = request.query.seq;
      const frame = await latestFrame(deps.registry, camera.id, seq);
      if (frame === undefined) {
        throw new RollcallError(
          'FRAME_NOT_FOUND',
          seq === undefined
            ? `Camera "${camera.name}" has no recent frame; check its status for the last error.`
            : `Frame ${seq} of camera "${camera.name}" is no longer kept; ask for the newest.`,
          { details: { cameraId: camera.id, seq } },
        );
      }
      return reply
        .type('image/jpeg')
        .header('cache-control', 'no-store')
        .header('x-captured-at', String(frame.capturedAtMs))
        .header('x-frame-seq', String(frame.seq))
        .send(frame.jpeg);
    },
  });

  app.get<{ Params: { id: string } }>('/cameras/:id/sightings', {
    schema: {
      tags,
      security: bearer,
      summary:
        'The frame to preview (frameSeq, for GET /frame?seq=) and the faces matched in it alone',
      params,
      response: {
        200: {
          type: 'object',
          properties: {
            frameSeq: { type: ['integer', 'null'] },
            capturedAtMs: { type: ['integer', 'null'] },
            sightings: { type: 'array', items: sightingView },
          },
        },
        ...adminErrors,
      },
    },
    handler: async (request) => {
      const camera = await getCamera(deps.cameras, request.params.id);
      return frameSightings(deps.registry, camera.id);
    },
  });
}
