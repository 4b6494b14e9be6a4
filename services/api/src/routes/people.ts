import {
  createPerson,
  deletePerson,
  getPerson,
  listPeople,
  listSamples,
  updatePerson,
  type NewPerson,
  type PersonPatch,
} from '@rollcall/registry';
import type { FastifyInstance } from 'fastify';

import { adminErrors, bearer, errorResponse, idParam } from '../schemas/common';
import {
  listPeopleQuery,
  newPersonBody,
  personJson,
  personPatchBody,
  personView,
} from '../schemas/people';
import type { RouteDeps } from './route-deps';

const tags = ['people'];
const idParams = { type: 'object', required: ['id'], properties: { id: idParam } } as const;

interface IdParams {
  id: string;
}

export function registerPeopleRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.post<{ Body: NewPerson }>('/people', {
    schema: {
      tags,
      security: bearer,
      summary: 'Enrol a person (then add faces)',
      body: newPersonBody,
      response: {
        201: { type: 'object', properties: { id: { type: 'string' } } },
        409: errorResponse,
        ...adminErrors,
      },
    },
    handler: async (request, reply) => {
      const person = await createPerson(deps.registry, request.body);
      return reply.code(201).send({ id: person.id });
    },
  });

  app.get<{ Querystring: { search?: string; group?: string; offset: number; limit: number } }>(
    '/people',
    {
      schema: {
        tags,
        security: bearer,
        summary: 'People by name, with search, group filter and paging',
        querystring: listPeopleQuery,
        response: {
          200: {
            type: 'object',
            properties: {
              people: { type: 'array', items: personView },
              total: { type: 'integer' },
            },
          },
          ...adminErrors,
        },
      },
      handler: async (request) => {
        const page = await listPeople(deps.registry, request.query);
        return { people: page.people.map((p) => personJson(p)), total: page.total };
      },
    },
  );

  app.get<{ Params: IdParams }>('/people/:id', {
    schema: {
      tags,
      security: bearer,
      summary: 'One person, with their sample count',
      params: idParams,
      response: { 200: personView, ...adminErrors },
    },
    handler: async (request) => {
      const person = await getPerson(deps.registry, request.params.id);
      const samples = await listSamples(deps.registry, person.id);
      return personJson(person, samples.length);
    },
  });

  app.patch<{ Params: IdParams; Body: PersonPatch }>('/people/:id', {
    schema: {
      tags,
      security: bearer,
      summary: 'Change name, group or external id (null clears group or external id)',
      params: idParams,
      body: personPatchBody,
      response: { 200: personView, 409: errorResponse, ...adminErrors },
    },
    handler: async (request) => {
      return personJson(await updatePerson(deps.registry, request.params.id, request.body));
    },
  });

  app.delete<{ Params: IdParams }>('/people/:id', {
    schema: {
      tags,
      security: bearer,
      summary: 'Remove a person with every face sample and stored crop',
      params: idParams,
      response: { 204: { type: 'null' }, ...adminErrors },
    },
    handler: async (request, reply) => {
      await deletePerson(deps.registry, request.params.id);
      return reply.code(204).send();
    },
  });
}
