import { RollcallError } from '@rollcall/errors';
import type { Logger } from '@rollcall/log';
import type { FastifyInstance, FastifyRequest } from 'fastify';

import { checkFolder } from '../import/folder-source';
import { planImport } from '../import/import-plan';
import { openImportService, type ImportService } from '../import/import-service';
import { loadImportSettings, type ImportSettings } from '../import/import-settings';
import {
  importView,
  importWithFilesJson,
  importWithFilesView,
  importJson,
} from '../import/import-views';
import { openZipSource } from '../import/zip-source';
import { adminErrors, bearer, errorResponse, idParam } from '../schemas/common';
import type { RouteDeps } from './route-deps';

const tags = ['imports'];

const folderBody = {
  type: 'object',
  required: ['folder'],
  additionalProperties: false,
  properties: {
    folder: {
      type: 'string',
      minLength: 1,
      maxLength: 4096,
      description: 'A folder on the server, absolute or relative to ROLLCALL_IMPORT_ROOT',
    },
  },
} as const;

const pageQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    offset: { type: 'integer', minimum: 0, default: 0 },
    limit: { type: 'integer', minimum: 1, maximum: 10_000, default: 1000 },
  },
} as const;

/**
 * Bulk import routes. `settings` default to the environment's (`loadImportSettings`); the
 * queue (and the worker, unless it is off) close with the app.
 */
export function registerImportRoutes(
  app: FastifyInstance,
  deps: RouteDeps,
  settings: Partial<ImportSettings> = {},
): void {
  const service = openImportService(
    deps,
    { ...loadImportSettings(), ...settings },
    app.log as Logger,
  );
  app.addHook('onClose', () => service.close());

  app.post<{ Body: { folder?: string } }>('/imports', {
    schema: {
      tags,
      security: bearer,
      summary: 'Import person folders: a zip upload (multipart) or a server folder (JSON)',
      description:
        'Each top-level folder is a person, matched to an existing person by external id or ' +
        'created with the folder name as name and external id; each photo in it is enrolled ' +
        'as by POST /v1/people/{id}/faces. Answers 202 with the import id; follow it at ' +
        'GET /v1/imports/{id}.',
      consumes: ['multipart/form-data', 'application/json'],
      body: { content: { 'application/json': { schema: folderBody } } },
      response: {
        202: { type: 'object', properties: { id: { type: 'string' } } },
        413: errorResponse,
        415: errorResponse,
        422: errorResponse,
        ...adminErrors,
      },
    },
    handler: async (request, reply) => {
      const requestedBy = request.apiKey?.id ?? null;
      const id = request.isMultipart()
        ? await queueZip(service, request, requestedBy)
        : await queueFolder(service, request.body.folder, requestedBy);
      request.log.info({ importId: id }, 'import queued');
      return reply.code(202).send({ id });
    },
  });

  app.get<{ Querystring: { limit: number } }>('/imports', {
    schema: {
      tags,
      security: bearer,
      summary: 'Recent imports, newest first (without their per-file outcomes)',
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: { limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 } },
      },
      response: {
        200: { type: 'object', properties: { imports: { type: 'array', items: importView } } },
        ...adminErrors,
      },
    },
    handler: async (request) => {
      const views = await service.queue.list(request.query.limit);
      return { imports: views.map(importJson) };
    },
  });

  app.get<{ Params: { id: string }; Querystring: { offset: number; limit: number } }>(
    '/imports/:id',
    {
      schema: {
        tags,
        security: bearer,
        summary: 'An import: state, progress, and a page of its per-file outcomes',
        params: { type: 'object', required: ['id'], properties: { id: idParam } },
        querystring: pageQuery,
        response: { 200: importWithFilesView, ...adminErrors },
      },
      handler: async (request) => {
        const { id } = request.params;
        const view = await service.queue.get(id);
        const page = await service.queue.outcomes(id, request.query.offset, request.query.limit);
        return importWithFilesJson(view, page);
      },
    },
  );
}

/** Reads the one zip part, checks it opens within the limits, and queues it. */
async function queueZip(
  service: ImportService,
  request: FastifyRequest,
  requestedBy: string | null,
): Promise<string> {
  const part = await request.file({ limits: { fileSize: service.settings.uploadBytes, files: 1 } });
  if (part === undefined) {
    throw new RollcallError('INVALID_ARGUMENT', 'The form has no file part; attach the zip.', {
      details: { field: 'body.file' },
    });
  }
  const zip = await part.toBuffer();
  // Listing the central directory is cheap: a broken or oversized zip is refused now, not
  // later in a job nobody is watching.
  requireSomeone(planImport(await openZipSource(zip, service.limits)).people.length);
  return service.queue.addZip(part.filename || 'upload.zip', zip, requestedBy);
}

async function queueFolder(
  service: ImportService,
  folder: string | undefined,
  requestedBy: string | null,
): Promise<string> {
  if (folder === undefined) {
    throw new RollcallError(
      'INVALID_ARGUMENT',
      'Send a zip as multipart/form-data, or JSON {"folder": "<path on the server>"}.',
      { details: { field: 'body.folder' } },
    );
  }
  return service.queue.addFolder(
    await checkFolder(folder, service.settings.folderRoot),
    requestedBy,
  );
}

function requireSomeone(people: number): void {
  if (people > 0) return;
  throw new RollcallError(
    'IMPORT_NO_PERSON_FOLDER',
    "The archive holds no person folder with a file in it; put each person's photos in a " +
      'folder named for them, and zip those folders.',
  );
}
