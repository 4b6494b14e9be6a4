import type { FastifyInstance, FastifyReply } from 'fastify';

import { readConsoleFiles, type ConsoleFile } from '../console/console-files';

const NOT_BUILT =
  '<!doctype html><meta charset="utf-8"><title>Rollcall</title>' +
  '<p>The web console is not built. Run <code>pnpm build</code> (or <code>pnpm install</code>) ' +
  'in the repository, then restart the API.</p>';

/**
 * The built web console at `/` (a single page: its routes live after `#`, so only the
 * files themselves are served). Outside `/v1`, so the page itself needs no key; every
 * call it makes does.
 */
export function registerConsoleRoutes(app: FastifyInstance, dir: string | null): void {
  const files = dir === null ? undefined : readConsoleFiles(dir);
  const index = files?.get('/index.html');

  app.get('/', { schema: { hide: true } }, (_request, reply) => {
    if (index === undefined)
      return reply.code(503).type('text/html; charset=utf-8').send(NOT_BUILT);
    return send(reply, index);
  });
  if (files === undefined) return;

  for (const [urlPath, file] of files) {
    if (urlPath === '/index.html') continue;
    app.get(urlPath, { schema: { hide: true } }, (_request, reply) => send(reply, file));
  }
}

function send(reply: FastifyReply, file: ConsoleFile): FastifyReply {
  return reply
    .type(file.type)
    .header('cache-control', file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
    .header('x-content-type-options', 'nosniff')
    .send(file.bytes);
}
