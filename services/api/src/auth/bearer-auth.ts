import { RollcallError } from '@rollcall/errors';
import type { KeySpace } from '@rollcall/streams';
import type { FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';

import { verifyApiKey, type ApiKeyRecord } from '@rollcall/api-keys';

declare module 'fastify' {
  interface FastifyRequest {
    /** The API key the request authenticated with (admin routes only). */
    apiKey?: ApiKeyRecord;
  }
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** An onRequest hook that lets a request through only with a known `Bearer` API key. */
export function bearerAuth(redis: Redis, keys: KeySpace) {
  return async (request: FastifyRequest): Promise<void> => {
    const header = request.headers.authorization;
    const match = header === undefined ? null : BEARER.exec(header);
    if (match === null) {
      throw new RollcallError(
        'UNAUTHORIZED',
        'This route needs an API key: send "Authorization: Bearer <key>" ' +
          '(create one with `pnpm rollcall keys create <name>`).',
      );
    }

    const record = await verifyApiKey(redis, keys, match[1] as string);
    if (record === undefined) {
      throw new RollcallError(
        'UNAUTHORIZED',
        'The API key is unknown or revoked; create a new one with `pnpm rollcall keys create`.',
      );
    }
    request.apiKey = record;
  };
}
