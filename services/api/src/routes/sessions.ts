import { RollcallError } from '@rollcall/errors';
import type { FastifyInstance } from 'fastify';

import type { Principal } from '../auth/principal';
import { adminErrors, bearer, errorResponse, iso } from '../schemas/common';
import { signIn, type SignInDeps } from '../sessions/sign-in';

const tags = ['sessions'];

const principalView = {
  type: 'object',
  properties: {
    kind: { type: 'string', enum: ['key', 'session'] },
    id: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string', enum: ['admin', 'viewer'] },
    expiresAt: { type: ['string', 'null'], format: 'date-time' },
  },
} as const;

const signInBody = {
  type: 'object',
  required: ['username', 'password'],
  additionalProperties: false,
  properties: {
    username: { type: 'string', minLength: 1, maxLength: 64 },
    password: { type: 'string', minLength: 1, maxLength: 1024 },
  },
} as const;

/** `POST /v1/sessions`: sign in with a username and password. Needs no bearer token. */
export function registerSignInRoute(app: FastifyInstance, deps: SignInDeps): void {
  app.post<{ Body: { username: string; password: string } }>('/sessions', {
    schema: {
      tags,
      summary: 'Sign in with a user account; the token is then sent as a bearer, like a key',
      description:
        'Failed sign-ins per username are counted; past the limit within the window the ' +
        'answer is 429 LOGIN_THROTTLED with Retry-After until the window ends.',
      body: signInBody,
      response: {
        201: {
          type: 'object',
          properties: { token: { type: 'string' }, ...principalView.properties },
        },
        400: errorResponse,
        401: errorResponse,
        429: errorResponse,
      },
    },
    handler: async (request, reply) => {
      try {
        const { session, user } = await signIn(deps, request.body.username, request.body.password);
        request.log.info({ username: user.username, role: user.role }, 'signed in');
        return await reply.code(201).send({
          token: session.token,
          ...principalJson({
            kind: 'session',
            id: user.username,
            name: user.displayName,
            role: user.role,
            expiresAtMs: session.expiresAtMs,
          }),
        });
      } catch (error) {
        const retry = (error as RollcallError).details?.retryAfterSeconds;
        if (typeof retry === 'number') void reply.header('retry-after', String(retry));
        throw error;
      }
    },
  });
}

/** Who the bearer is, and signing a session out. Registered behind `bearerAuth`. */
export function registerSessionRoutes(app: FastifyInstance, deps: SignInDeps): void {
  app.get('/sessions/current', {
    schema: {
      tags,
      security: bearer,
      summary: 'Who the bearer token acts for: key or account, name and role',
      response: { 200: principalView, ...adminErrors },
    },
    handler: (request) => principalJson(request.principal as Principal),
  });

  app.delete('/sessions/current', {
    schema: {
      tags,
      security: bearer,
      summary: 'Sign out: the session token stops working',
      response: { 204: { type: 'null' }, ...adminErrors },
    },
    handler: async (request, reply) => {
      if (request.principal?.kind !== 'session') {
        throw new RollcallError(
          'INVALID_ARGUMENT',
          'An API key has no session to end; revoke it with `pnpm rollcall keys revoke <id>`.',
        );
      }
      await deps.sessions.end(request.bearerToken as string);
      request.log.info({ username: request.principal.id }, 'signed out');
      return reply.code(204).send();
    },
  });
}

function principalJson(principal: Principal) {
  const { expiresAtMs, ...rest } = principal;
  return { ...rest, expiresAt: expiresAtMs === null ? null : iso(expiresAtMs) };
}
