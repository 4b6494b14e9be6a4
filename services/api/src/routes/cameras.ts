import type { FastifyInstance } from 'fastify';

import type { CameraPatch, NewCamera } from '../cameras/camera';
import {
  createCamera,
  deleteCamera,
  getCamera,
  getCameraStatus,
  listCameras,
  updateCamera,
  type CameraContext,
} from '../cameras/camera-store';
import { adminErrors, bearer, idParam, iso } from '../schemas/common';
import type { RouteDeps } from './route-deps';

const tags = ['cameras'];
const idParams = { type: 'object', required: ['id'], properties: { id: idParam } } as const;

const cameraFields = {
  name: { type: 'string', minLength: 1, maxLength: 200 },
  url: { type: 'string', minLength: 1, maxLength: 2000 },
  fps: { type: ['number', 'null'], exclusiveMinimum: 0, maximum: 120 },
  role: { type: 'string', enum: ['entry', 'exit'] },
  threshold: { type: ['number', 'null'], minimum: -1, maximum: 1 },
} as const;

const newCameraBody = {
  type: 'object',
  required: ['name', 'url'],
  additionalProperties: false,
  properties: cameraFields,
} as const;

const cameraView = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    ...cameraFields,
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
    status: { type: 'object', additionalProperties: { type: 'string' } },
  },
} as const;

export function registerCameraRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const context: CameraContext = deps.cameras;

  app.post<{ Body: NewCamera }>('/cameras', {
    schema: {
      tags,
      security: bearer,
      summary: 'Add a camera; ingest starts it from the camera change stream',
      body: newCameraBody,
      response: { 201: { type: 'object', properties: { id: { type: 'string' } } }, ...adminErrors },
    },
    handler: async (request, reply) => {
      const camera = await createCamera(context, request.body);
      return reply.code(201).send({ id: camera.id });
    },
  });

  app.get('/cameras', {
    schema: {
      tags,
      security: bearer,
      summary: 'Every camera, by name (URLs with passwords masked)',
      response: {
        200: { type: 'object', properties: { cameras: { type: 'array', items: cameraView } } },
        ...adminErrors,
      },
    },
    handler: async () => ({ cameras: (await listCameras(context)).map(cameraJson) }),
  });

  app.get<{ Params: { id: string } }>('/cameras/:id', {
    schema: {
      tags,
      security: bearer,
      summary: 'One camera with its live status (state unknown once ingest stops reporting)',
      params: idParams,
      response: { 200: cameraView, ...adminErrors },
    },
    handler: async (request) => {
      const camera = await getCamera(context, request.params.id);
      return { ...cameraJson(camera), status: await getCameraStatus(context, camera.id) };
    },
  });

  app.patch<{ Params: { id: string }; Body: CameraPatch }>('/cameras/:id', {
    schema: {
      tags,
      security: bearer,
      summary: 'Change a camera (null clears fps or threshold)',
      params: idParams,
      body: { ...newCameraBody, required: [], minProperties: 1 },
      response: { 200: cameraView, ...adminErrors },
    },
    handler: async (request) =>
      cameraJson(await updateCamera(context, request.params.id, request.body)),
  });

  app.delete<{ Params: { id: string } }>('/cameras/:id', {
    schema: {
      tags,
      security: bearer,
      summary: 'Remove a camera; ingest stops it',
      params: idParams,
      response: { 204: { type: 'null' }, ...adminErrors },
    },
    handler: async (request, reply) => {
      await deleteCamera(context, request.params.id);
      return reply.code(204).send();
    },
  });
}

function cameraJson(camera: Awaited<ReturnType<typeof getCamera>>) {
  const { createdAtMs, updatedAtMs, ...rest } = camera;
  return { ...rest, createdAt: iso(createdAtMs), updatedAt: iso(updatedAtMs) };
}
