import { RollcallError } from '@rollcall/errors';
import type { FastifyInstance } from 'fastify';

import { getCamera } from '../cameras/camera-store';
import { latestFrame, recentSightings } from '../preview/camera-preview';
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
  app.get<{ Params: { id: string } }>('/cameras/:id/frame', {
    schema: {
      tags,
      security: bearer,
      summary: "The camera's newest frame on the frames stream (JPEG)",
      params,
      produces: ['image/jpeg'],
      response: { ...adminErrors },
    },
    handler: async (request, reply) => {
      const camera = await getCamera(deps.cameras, request.params.id);
      const frame = await latestFrame(deps.registry, camera.id);
      if (frame === undefined) {
        throw new RollcallError(
          'FRAME_NOT_FOUND',
          `Camera "${camera.name}" has no recent frame; check its status for the last error.`,
          { details: { cameraId: camera.id } },
        );
      }
      return reply
        .type('image/jpeg')
        .header('cache-control', 'no-store')
        .header('x-captured-at', String(frame.capturedAtMs))
        .send(frame.jpeg);
    },
  });

  app.get<{ Params: { id: string } }>('/cameras/:id/sightings', {
    schema: {
      tags,
      security: bearer,
      summary: 'Faces matched on the camera in its newest two seconds: boxes, names, scores',
      params,
      response: {
        200: {
          type: 'object',
          properties: { sightings: { type: 'array', items: sightingView } },
        },
        ...adminErrors,
      },
    },
    handler: async (request) => {
      const camera = await getCamera(deps.cameras, request.params.id);
      return { sightings: await recentSightings(deps.registry, camera.id) };
    },
  });
}
