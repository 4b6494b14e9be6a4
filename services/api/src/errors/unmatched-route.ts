import { RollcallError } from '@rollcall/errors';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/** The methods some route answers on `path` (no query string), in a fixed order. */
export function allowedMethods(app: FastifyInstance, path: string): string[] {
  return METHODS.filter((method) => app.findRoute({ method, url: path }) !== null);
}

/**
 * The reply for a request no route answers: 405 `METHOD_NOT_ALLOWED` with an `Allow`
 * header (RFC 9110 section 15.5.6) when the path exists under other methods, else 404
 * `NOT_FOUND`.
 */
export function replyUnmatched(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const { method, url } = request;
  const path = url.split('?')[0] ?? url;
  const allowed = allowedMethods(app, path);
  if (allowed.length > 0) {
    const error = new RollcallError(
      'METHOD_NOT_ALLOWED',
      `${path} does not answer ${method}; it answers ${allowed.join(', ')} (see /docs).`,
      { details: { method, url, allowed } },
    );
    return reply.code(405).header('allow', allowed.join(', ')).send({ error: error.toJSON() });
  }

  const error = new RollcallError(
    'NOT_FOUND',
    `No route answers ${method} ${url}; the routes are listed at /docs.`,
    { details: { method, url } },
  );
  return reply.code(404).send({ error: error.toJSON() });
}
