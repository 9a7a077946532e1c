import { resolveSession, resolveToken } from '../../services/sessions';
import type { App, AppDeps } from '../app';
import { principal, viewer } from '../auth';
import { errors } from '../schemas';

/**
 * Server-sent events (WHATWG HTML §9.2): every change the caller may see, as it commits.
 * The `id` is the outbox sequence, so a reconnecting EventSource resumes with Last-Event-ID.
 * The credential is re-checked every 30 s; a revoked session or token ends the stream.
 */
export function eventRoutes(app: App, { ctx, hub }: AppDeps): void {
  const open = new Set<import('node:http').ServerResponse>();
  // Streams never end on their own: end them before the server waits for connections to close.
  app.addHook('preClose', async () => {
    for (const res of open) res.end();
  });
  app.get('/api/events/stream', { schema: { tags: ['events'], summary: 'Live events (text/event-stream)', response: { ...errors(401) } } }, async (req, reply) => {
    principal(req);
    const who = viewer(req);
    const auth = req.auth;
    const last = Number(req.headers['last-event-id']);
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
      who,
      (e) => {
        const body = JSON.stringify({ id: e.id, type: e.type, recordType: e.recordType, recordId: e.recordId, at: e.at });
        res.write(`id: ${e.seq}\nevent: ${e.type}\ndata: ${body}\n\n`);
      },
      Number.isInteger(last) && last >= 0 ? last : undefined,
    );
    const heartbeat = setInterval(async () => {
      const still = auth.via === 'session' ? await resolveSession(ctx, auth.cookieSecret!) : auth.via === 'token' ? await resolveToken(ctx, req.headers.authorization!.slice(7).trim()) : null;
      if (!still) res.end();
      else res.write(': keep-alive\n\n');
    }, 30_000);
    const close = () => {
      open.delete(res);
      clearInterval(heartbeat);
      unsubscribe();
    };
    req.raw.on('close', close);
    res.on('close', close);
  });
}
