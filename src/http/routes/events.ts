import { z } from 'zod';
import { streamViewer } from '../../services/events/stream-viewer';
import type { App, AppDeps } from '../app';
import { bearerOf, principal } from '../auth';
import { errors } from '../schemas';

/** Each event: `id`, `event` (its type) and `data` (id, type, recordType, recordId, at as JSON). */
const EventStream = z.string().meta({ id: 'EventStream', description: 'text/event-stream (WHATWG HTML §9.2)' });

/**
 * Server-sent events (WHATWG HTML §9.2): every change the caller may see, as it commits.
 * The `id` is the event's own id (random, not the outbox sequence: issue 9 item 8), so a
 * reconnecting EventSource resumes with Last-Event-ID and learns nothing about the events
 * it was not sent. The viewer is rebuilt from the credential before each event; a revoked
 * token, a disabled user or an expired session ends the stream (at the next event, and at
 * the latest at the next 30 s check).
 */
export function eventRoutes(app: App, { ctx, hub }: AppDeps): void {
  const open = new Set<import('node:http').ServerResponse>();
  // Streams never end on their own: end them before the server waits for connections to close.
  app.addHook('preClose', async () => {
    for (const res of open) res.end();
  });
  app.get(
    '/api/events/stream',
    {
      schema: {
        tags: ['events'],
        summary: 'Live events (text/event-stream)',
        response: {
          200: { description: 'Server-sent events, until the session ends', content: { 'text/event-stream': { schema: EventStream } } },
          ...errors(401),
        },
      },
    },
    async (req, reply) => {
      principal(req);
      const auth = req.auth;
      const who = streamViewer(ctx, auth.via === 'session' ? { via: 'session', secret: auth.cookieSecret! } : { via: 'token', secret: bearerOf(req) ?? '' });
      const last = req.headers['last-event-id'];
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        'x-request-id': String(req.id),
      });
      res.write('retry: 3000\n\n');
      open.add(res);
      const unsubscribe = await hub.subscribe(
        who.live,
        (e) => {
          const body = JSON.stringify({ id: e.id, type: e.type, recordType: e.recordType, recordId: e.recordId, at: e.at });
          res.write(`id: ${e.id}\nevent: ${e.type}\ndata: ${body}\n\n`);
        },
        { after: typeof last === 'string' ? last.trim() : undefined, onEnd: () => res.end() },
      );
      const heartbeat = setInterval(async () => {
        if (!(await who.check().catch(() => null))) res.end();
        else res.write(': keep-alive\n\n');
      }, 30_000);
      const close = () => {
        open.delete(res);
        clearInterval(heartbeat);
        unsubscribe();
      };
      req.raw.on('close', close);
      res.on('close', close);
    },
  );
}
