import { RollcallError } from '@rollcall/errors';
import type { FastifyInstance } from 'fastify';

import { judgePhoto } from '../enrollment/judge-photo';
import { adminErrors, bearer, errorResponse } from '../schemas/common';
import type { RouteDeps } from './route-deps';

/** Faces asked for: enough to say "two faces" and draw both. */
const MAX_FACES = 4;

const boxView = {
  type: 'object',
  properties: {
    x: { type: 'number' },
    y: { type: 'number' },
    width: { type: 'number' },
    height: { type: 'number' },
  },
} as const;

const issueView = {
  type: 'object',
  properties: { code: { type: 'string' }, message: { type: 'string' } },
} as const;

/**
 * `POST /v1/vision/preview`: one camera frame (a JPEG or PNG body) judged as enrollment
 * would judge it, stored nowhere: the webcam page's live face box and quality meter.
 */
export function registerVisionPreviewRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.register((scope, _options, done) => {
    for (const type of ['image/jpeg', 'image/png', 'image/webp']) {
      scope.addContentTypeParser(type, { parseAs: 'buffer' }, (_request, body, next) =>
        next(null, body),
      );
    }

    scope.post<{ Body: Buffer }>('/vision/preview', {
      schema: {
        tags: ['faces'],
        security: bearer,
        summary: 'Judge one frame for enrollment without storing it (face boxes and issues)',
        consumes: ['image/jpeg', 'image/png', 'image/webp'],
        response: {
          200: {
            type: 'object',
            properties: {
              width: { type: 'integer' },
              height: { type: 'integer' },
              ok: { type: 'boolean' },
              issues: { type: 'array', items: issueView },
              faces: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: { box: boxView, score: { type: 'number' } },
                },
              },
              quality: {
                type: ['object', 'null'],
                properties: {
                  eyeDistance: { type: 'number' },
                  sharpness: { type: 'number' },
                  yaw: { type: 'number' },
                  pitch: { type: 'number' },
                  roll: { type: 'number' },
                },
              },
            },
          },
          413: errorResponse,
          415: errorResponse,
          422: errorResponse,
          ...adminErrors,
        },
      },
      handler: async (request) => {
        if (!Buffer.isBuffer(request.body) || request.body.length === 0) {
          throw new RollcallError(
            'UNSUPPORTED_MEDIA_TYPE',
            'Send one frame as the body, with Content-Type image/jpeg, image/png or image/webp.',
          );
        }
        const analysis = await deps.vision.detectAndEmbed(request.body, MAX_FACES);
        const verdict = judgePhoto(analysis);
        return {
          width: analysis.width,
          height: analysis.height,
          ok: verdict.face !== undefined && verdict.issues.length === 0,
          issues: verdict.issues.map(({ code, message }) => ({ code, message })),
          faces: analysis.faces.map((face) => ({ box: face.box, score: face.score })),
          quality: verdict.face?.quality ?? null,
        };
      },
    });
    done();
  });
}
