import { RollcallError } from '@rollcall/errors';
import { deleteSample, getPerson, getSample, getSampleCrop, listSamples } from '@rollcall/registry';
import type { FastifyInstance, FastifyRequest } from 'fastify';

import { enrollPhotos, type EnrollmentResult, type Photo } from '../enrollment/enroll-photos';
import { adminErrors, bearer, errorResponse, idParam } from '../schemas/common';
import { lookAlikeView, qualityIssuesView } from '../schemas/enrollment';
import { qualityView, sampleJson, sampleView } from '../schemas/people';
import { readSettings } from '../settings/settings-store';
import type { RouteDeps } from './route-deps';

const tags = ['faces'];
const personParams = { type: 'object', required: ['id'], properties: { id: idParam } } as const;
const sampleParams = {
  type: 'object',
  required: ['id', 'sampleId'],
  properties: { id: idParam, sampleId: idParam },
} as const;

interface SampleParams {
  id: string;
  sampleId: string;
}

const enrollmentView = {
  type: 'object',
  properties: {
    accepted: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          file: { type: 'string' },
          sampleId: { type: 'string' },
          quality: qualityView,
        },
      },
    },
    refused: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          file: { type: 'string' },
          code: { type: 'string' },
          message: { type: 'string' },
          issues: qualityIssuesView,
        },
      },
    },
    warnings: { type: 'array', items: lookAlikeView },
  },
} as const;

export function registerFaceRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.post<{ Params: { id: string } }>('/people/:id/faces', {
    schema: {
      tags,
      security: bearer,
      summary: 'Enrol face photos (multipart/form-data, one or more image files)',
      description:
        'Each file is judged on its own: accepted ones become samples, refused ones say ' +
        'why (code and message). A warning FACE_LOOKS_LIKE_OTHER names another person whose ' +
        'face matches above the threshold. Answers 200 whenever the request was readable.',
      consumes: ['multipart/form-data'],
      params: personParams,
      response: { 200: enrollmentView, 413: errorResponse, 415: errorResponse, ...adminErrors },
    },
    handler: async (request) => {
      const person = await getPerson(deps.registry, request.params.id);
      const photos = await readPhotos(request);
      const settings = await readSettings(deps.redis, deps.keys);

      const result = await enrollPhotos(
        { registry: deps.registry, vision: deps.vision, threshold: settings.threshold },
        person.id,
        photos,
      );
      count(deps, result);
      request.log.info(
        { personId: person.id, accepted: result.accepted.length, refused: result.refused.length },
        'faces enrolled',
      );
      return result;
    },
  });

  app.get<{ Params: { id: string } }>('/people/:id/faces', {
    schema: {
      tags,
      security: bearer,
      summary: "A person's face samples, oldest first",
      params: personParams,
      response: {
        200: { type: 'object', properties: { faces: { type: 'array', items: sampleView } } },
        ...adminErrors,
      },
    },
    handler: async (request) => {
      const samples = await listSamples(deps.registry, request.params.id);
      return { faces: samples.map(sampleJson) };
    },
  });

  app.get<{ Params: SampleParams }>('/people/:id/faces/:sampleId', {
    schema: {
      tags,
      security: bearer,
      summary: 'One face sample (its record; the crop is at .../crop)',
      params: sampleParams,
      response: { 200: sampleView, ...adminErrors },
    },
    handler: async (request) => {
      const { id, sampleId } = request.params;
      return sampleJson(await getSample(deps.registry, id, sampleId));
    },
  });

  app.get<{ Params: SampleParams }>('/people/:id/faces/:sampleId/crop', {
    schema: {
      tags,
      security: bearer,
      summary: 'The stored JPEG crop of a face sample',
      params: sampleParams,
      produces: ['image/jpeg'],
      response: { ...adminErrors },
    },
    handler: async (request, reply) => {
      const { id, sampleId } = request.params;
      const jpeg = await getSampleCrop(deps.registry, id, sampleId);
      if (jpeg === undefined) {
        throw new RollcallError('SAMPLE_NOT_FOUND', `Sample "${sampleId}" has no stored crop.`, {
          details: { personId: id, sampleId },
        });
      }
      return reply.type('image/jpeg').send(jpeg);
    },
  });

  app.delete<{ Params: SampleParams }>('/people/:id/faces/:sampleId', {
    schema: {
      tags,
      security: bearer,
      summary: 'Remove one face sample with its embedding and crop',
      params: sampleParams,
      response: { 204: { type: 'null' }, ...adminErrors },
    },
    handler: async (request, reply) => {
      await deleteSample(deps.registry, request.params.id, request.params.sampleId);
      return reply.code(204).send();
    },
  });
}

/** Every file part of the multipart body; limits are enforced by @fastify/multipart. */
async function readPhotos(request: FastifyRequest): Promise<Photo[]> {
  if (!request.isMultipart()) {
    throw new RollcallError(
      'UNSUPPORTED_MEDIA_TYPE',
      'Send the photos as multipart/form-data, one file part per photo ' +
        '(curl -F files=@photo1.jpg -F files=@photo2.jpg ...).',
    );
  }

  const photos: Photo[] = [];
  for await (const part of request.parts()) {
    if (part.type !== 'file') continue;
    photos.push({ file: part.filename || part.fieldname, bytes: await part.toBuffer() });
  }
  if (photos.length === 0) {
    throw new RollcallError('INVALID_ARGUMENT', 'The form has no file part; attach a photo.', {
      details: { field: 'body.files' },
    });
  }
  return photos;
}

function count(deps: RouteDeps, result: EnrollmentResult): void {
  deps.metrics.enrollments.inc(result.accepted.length);
  for (const refused of result.refused) deps.metrics.refusals.inc({ code: refused.code });
}
