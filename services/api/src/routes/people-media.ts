import { RollcallError } from '@rollcall/errors';
import { getSampleCrop, listSamples } from '@rollcall/registry';
import type { FastifyInstance, FastifyReply } from 'fastify';

import { findFaceCrop } from '../live/face-crop-lookup';
import { adminErrors, bearer, idParam } from '../schemas/common';
import type { RouteDeps } from './route-deps';

/** `<camera id>:<frame seq>:<face index>`, as the detector names faces. */
const FACE_ID = '^[A-Za-z0-9_.-]{1,128}:\\d{1,20}:\\d{1,4}$';

/** Pictures for the console: a person's thumbnail, and a face a camera saw. */
export function registerPeopleMediaRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.get<{ Params: { id: string } }>('/people/:id/thumbnail', {
    schema: {
      tags: ['faces'],
      security: bearer,
      summary: "The person's first stored face crop (JPEG), for lists",
      params: { type: 'object', required: ['id'], properties: { id: idParam } },
      produces: ['image/jpeg'],
      response: { ...adminErrors },
    },
    handler: async (request, reply) => {
      const samples = await listSamples(deps.registry, request.params.id);
      for (const sample of samples.filter((s) => s.hasCrop)) {
        const jpeg = await getSampleCrop(deps.registry, request.params.id, sample.id);
        if (jpeg !== undefined) return thumbnail(reply, jpeg);
      }
      throw new RollcallError(
        'SAMPLE_NOT_FOUND',
        `Person "${request.params.id}" has no face sample with a stored crop; enrol a photo.`,
        { details: { personId: request.params.id } },
      );
    },
  });

  app.get<{ Params: { faceId: string }; Querystring: { at: number } }>('/live/faces/:faceId', {
    schema: {
      tags: ['live'],
      security: bearer,
      summary: 'The aligned crop (JPEG) of a face a camera saw, while the faces stream holds it',
      params: {
        type: 'object',
        required: ['faceId'],
        properties: { faceId: { type: 'string', pattern: FACE_ID } },
      },
      querystring: {
        type: 'object',
        required: ['at'],
        additionalProperties: false,
        properties: { at: { type: 'integer', minimum: 0, description: 'Capture time, ms' } },
      },
      produces: ['image/jpeg'],
      response: { ...adminErrors },
    },
    handler: async (request, reply) => {
      const { faceId } = request.params;
      const jpeg = await findFaceCrop(deps.redis, deps.keys, faceId, request.query.at);
      if (jpeg === undefined) {
        throw new RollcallError(
          'FACE_CROP_EXPIRED',
          `Face "${faceId}" is no longer on the faces stream (it keeps the latest entries only).`,
          { details: { faceId } },
        );
      }
      return thumbnail(reply, jpeg);
    },
  });
}

function thumbnail(reply: FastifyReply, jpeg: Buffer): FastifyReply {
  // Crops change only when samples do; a minute of caching saves a list's refetches.
  return reply.type('image/jpeg').header('cache-control', 'private, max-age=60').send(jpeg);
}
