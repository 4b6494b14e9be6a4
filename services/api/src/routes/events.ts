import type { FastifyInstance } from 'fastify';

import type { AttendanceFeed, FeedRecord } from '../live/attendance-feed';
import { recordView } from '../live/record-view';
import { adminErrors, bearer } from '../schemas/common';
import type { RouteDeps } from './route-deps';

/** A comment line this often keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 15_000;

/**
 * `GET /v1/events/attendance`: server-sent events (text/event-stream), one `attendance`
 * event per check-in or check-out, its id the attendance stream's entry id. The latest
 * `recent` records come first, so a page opened after a check-in still shows it.
 */
export function registerEventRoutes(
  app: FastifyInstance,
  deps: RouteDeps,
  feed: AttendanceFeed,
): void {
  // Open streams never end by themselves: closing the app ends them, or close would wait.
  const open = new Set<() => void>();
  app.addHook('preClose', (done) => {
    for (const end of open) end();
    done();
  });

  app.get<{ Querystring: { recent: number } }>('/events/attendance', {
    schema: {
      tags: ['live'],
      security: bearer,
      summary: 'Check-ins and check-outs as they happen (server-sent events)',
      description:
        'Each event is `event: attendance`, `id: <stream entry id>`, `data: <record JSON>` ' +
        'with names, score and where to fetch the faces. Send the key as a bearer header ' +
        '(a fetch stream), since EventSource cannot.',
      produces: ['text/event-stream'],
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: { recent: { type: 'integer', minimum: 0, maximum: 200, default: 20 } },
      },
      response: { ...adminErrors },
    },
    handler: async (request, reply) => {
      // What arrives while the recent records are read waits here; null once sent.
      let pending: FeedRecord[] | null = [];
      const unsubscribe = await feed.subscribe((records) => {
        if (pending !== null) pending.push(...records);
        else send(records);
      });
      const recent = request.query.recent > 0 ? await feed.recent(request.query.recent) : [];

      reply.hijack();
      const out = reply.raw;
      out.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      out.write(': attendance feed\n\n');

      // One write at a time and in order: each record's names are looked up first.
      let queue = Promise.resolve();
      const send = (records: readonly FeedRecord[]) => {
        queue = queue
          .then(async () => {
            for (const record of records) {
              const view = await recordView(deps, record);
              out.write(
                `event: attendance\nid: ${record.entryId}\ndata: ${JSON.stringify(view)}\n\n`,
              );
            }
          })
          .catch((error: unknown) => request.log.warn({ err: error }, 'feed event not sent'));
      };
      const seen = recent.at(-1)?.entryId ?? '0-0';
      send(recent);
      send(pending.filter((record) => compareIds(record.entryId, seen) > 0));
      pending = null;

      const heartbeat = setInterval(() => out.write(': keep-alive\n\n'), HEARTBEAT_MS);
      const end = () => out.end();
      open.add(end);
      request.raw.on('close', () => {
        open.delete(end);
        clearInterval(heartbeat);
        unsubscribe();
      });
    },
  });
}

/** Orders stream ids (`<ms>-<seq>`). */
function compareIds(a: string, b: string): number {
  const [aMs = 0, aSeq = 0] = a.split('-').map(Number);
  const [bMs = 0, bSeq = 0] = b.split('-').map(Number);
  return aMs - bMs || aSeq - bSeq;
}
