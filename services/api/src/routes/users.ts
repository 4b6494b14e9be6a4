import { createUser, deleteUser, listUsers, type Role, type UserRecord } from '@rollcall/api-keys';
import type { FastifyInstance } from 'fastify';

import { adminErrors, bearer, errorResponse, iso } from '../schemas/common';
import type { RouteDeps } from './route-deps';

const tags = ['users'];

const userView = {
  type: 'object',
  properties: {
    username: { type: 'string' },
    displayName: { type: 'string' },
    role: { type: 'string', enum: ['admin', 'viewer'] },
    createdAt: { type: 'string', format: 'date-time' },
  },
} as const;

const newUserBody = {
  type: 'object',
  required: ['username', 'role', 'password'],
  additionalProperties: false,
  properties: {
    username: { type: 'string', minLength: 1, maxLength: 64, example: 'amy.lee' },
    displayName: { type: 'string', maxLength: 100, example: 'Amy Lee' },
    role: { type: 'string', enum: ['admin', 'viewer'] },
    password: { type: 'string', minLength: 10, maxLength: 1024 },
  },
} as const;

interface NewUserBody {
  username: string;
  displayName?: string;
  role: Role;
  password: string;
}

/** User accounts. Changing them needs the admin role, as every change does (`roleGuard`). */
export function registerUserRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.get('/users', {
    schema: {
      tags,
      security: bearer,
      summary: 'Every user account (never a password)',
      response: {
        200: { type: 'object', properties: { users: { type: 'array', items: userView } } },
        ...adminErrors,
      },
    },
    handler: async () => ({ users: (await listUsers(deps.redis, deps.keys)).map(userJson) }),
  });

  app.post<{ Body: NewUserBody }>('/users', {
    schema: {
      tags,
      security: bearer,
      summary: 'Create a user account with a role',
      body: newUserBody,
      response: { 201: userView, 409: errorResponse, ...adminErrors },
    },
    handler: async (request, reply) => {
      const user = await createUser(deps.redis, deps.keys, request.body, deps.now);
      request.log.info({ username: user.username, role: user.role }, 'user created');
      return reply.code(201).send(userJson(user));
    },
  });

  app.delete<{ Params: { username: string } }>('/users/:username', {
    schema: {
      tags,
      security: bearer,
      summary: 'Delete a user account; its sessions stop working at once',
      params: {
        type: 'object',
        required: ['username'],
        properties: { username: { type: 'string', minLength: 1, maxLength: 64 } },
      },
      response: { 204: { type: 'null' }, ...adminErrors },
    },
    handler: async (request, reply) => {
      const user = await deleteUser(deps.redis, deps.keys, request.params.username);
      request.log.info({ username: user.username }, 'user deleted');
      return reply.code(204).send();
    },
  });
}

function userJson(user: UserRecord) {
  const { createdAtMs, ...rest } = user;
  return { ...rest, createdAt: iso(createdAtMs) };
}
