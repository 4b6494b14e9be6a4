import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

/**
 * One line per request, when it completes: method, route pattern, status and ms. Fastify's
 * own lines log the request object, which the shared logger's formatter reduces to `{}`;
 * headers (the API key) are never logged.
 */
export class RequestLog extends LogController {
  override incomingRequest(): void {
    // The completed line carries everything; one line per request is enough.
  }

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    const line = {
      method: request.method,
      route: request.routeOptions.url ?? 'unmatched',
      statusCode: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 10) / 10,
    };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request completed');
  }
}
