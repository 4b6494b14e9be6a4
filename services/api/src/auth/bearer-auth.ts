import { findUser, verifyApiKey, type ApiKeyRecord } from '@rollcall/api-keys';
import { RollcallError } from '@rollcall/errors';
import type { KeySpace } from '@rollcall/streams';
import type { FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';

import { SESSION_PREFIX, type SessionStore } from '../sessions/session-store';
import type { Principal } from './principal';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who the request acts for (admin routes only). */
    principal?: Principal;
    /** The API key the request authenticated with, when it was a key. */
    apiKey?: ApiKeyRecord;
    /** The bearer token as sent (signing out ends exactly this session). */
    bearerToken?: string;
  }
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * An onRequest hook that lets a request through only with a known `Bearer` API key or a
 * live session token; either way `request.principal` says who it is and their role.
 */
export function bearerAuth(redis: Redis, keys: KeySpace, sessions: SessionStore) {
  return async (request: FastifyRequest): Promise<void> => {
    const header = request.headers.authorization;
    const match = header === undefined ? null : BEARER.exec(header);
    if (match === null) {
      throw new RollcallError(
        'UNAUTHORIZED',
        'This route needs an API key or a session: send "Authorization: Bearer <token>" ' +
          '(create a key with `pnpm rollcall keys create <name>`, or sign in at POST /v1/sessions).',
      );
    }

    const token = match[1] as string;
    request.bearerToken = token;
    if (token.startsWith(SESSION_PREFIX)) {
      request.principal = await sessionPrincipal(redis, keys, sessions, token);
      return;
    }
    const record = await verifyApiKey(redis, keys, token);
    if (record === undefined) {
      throw new RollcallError(
        'UNAUTHORIZED',
        'The API key is unknown or revoked; create a new one with `pnpm rollcall keys create`.',
      );
    }
    request.apiKey = record;
    request.principal = {
      kind: 'key',
      id: record.id,
      name: record.name,
      role: record.role,
      expiresAtMs: null,
    };
  };
}

/** The account behind a session; its role is read afresh, so a deleted user is out at once. */
async function sessionPrincipal(
  redis: Redis,
  keys: KeySpace,
  sessions: SessionStore,
  token: string,
): Promise<Principal> {
  const session = await sessions.find(token);
  const user = session === undefined ? undefined : await findUser(redis, keys, session.username);
  if (session === undefined || user === undefined) {
    throw new RollcallError(
      'UNAUTHORIZED',
      'The session has expired or was signed out, or its account was deleted; sign in again.',
    );
  }
  return {
    kind: 'session',
    id: user.username,
    name: user.displayName,
    role: user.role,
    expiresAtMs: session.expiresAtMs,
  };
}
