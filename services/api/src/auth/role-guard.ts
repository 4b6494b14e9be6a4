import { RollcallError } from '@rollcall/errors';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';

/** Methods that read: the only ones a viewer may use. */
const READS = new Set(['GET', 'HEAD']);

/**
 * Changes a viewer may still make, as `METHOD route`: ending one's own session changes
 * nothing anyone else sees.
 */
const VIEWER_ALLOWED = new Set(['DELETE /v1/sessions/current']);

/**
 * The one place roles are enforced: an onRequest hook run after `bearerAuth` on every
 * `/v1` route. An admin may do anything; a viewer only reads, everything else is
 * `FORBIDDEN_ROLE`. Routes need no role checks of their own.
 */
export function roleGuard() {
  return (request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    try {
      requireRoleFor(request);
      done();
    } catch (error) {
      done(error as Error);
    }
  };
}

function requireRoleFor(request: FastifyRequest): void {
  const principal = request.principal;
  // Fail closed: a route registered without bearerAuth before this hook lets no one in.
  if (principal === undefined) {
    throw new RollcallError('UNAUTHORIZED', 'This route needs an API key or a session.');
  }
  if (principal.role === 'admin') return;
  if (READS.has(request.method)) return;
  if (VIEWER_ALLOWED.has(`${request.method} ${request.routeOptions.url ?? ''}`)) return;

  throw new RollcallError(
    'FORBIDDEN_ROLE',
    `"${principal.name}" has the viewer role, which may look but not change ` +
      `(${request.method} ${request.routeOptions.url ?? request.url}); ` +
      'ask an administrator, or sign in with an admin account or key.',
    { details: { role: principal.role, method: request.method } },
  );
}
