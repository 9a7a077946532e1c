import type { FastifyReply } from 'fastify';
import { PassThrough, type Readable } from 'node:stream';
import { checkAdmission } from '../../services/intake/admission';
import type { ItemResult } from '../../services/intake/results';
import { MAX_ITEMS_PER_REQUEST, readItems } from '../../services/intake/stream';
import { type RawItem, submitStream } from '../../services/intake/submit';
import type { App, AppDeps } from '../app';
import { principal } from '../auth';
import { toProblem } from '../problem';
import { errors } from '../schemas';
import { BatchResult, BatchResultLines } from './intake-schemas';
import { budgetHeaders, idempotencyKeyOf } from './intake-headers';

const NDJSON = 'application/x-ndjson';

/** Writes to the response, waiting when the client reads slower than we answer. */
async function put(out: PassThrough, text: string): Promise<void> {
  if (!out.write(text)) await new Promise((r) => out.once('drain', r));
}

/**
 * Bulk submission, streamed both ways: the body (a JSON array, or NDJSON) is read item by
 * item and stored in chunks; each item's answer is written as soon as its chunk commits, in
 * order (NDJSON out for NDJSON in; a JSON object with `items` and `summary` otherwise).
 * The raw stream goes to the service: this scope's parsers do not buffer the body.
 */
export function findingBatchRoutes(app: App, { ctx }: AppDeps): void {
  app.addContentTypeParser(['application/json', NDJSON], (_req, payload, done) => done(null, payload));
  app.post(
    '/api/findings/batch',
    {
      schema: {
        tags: ['intake'],
        summary: `Submit up to ${MAX_ITEMS_PER_REQUEST.toLocaleString('en')} findings (JSON array or NDJSON, streamed)`,
        description:
          'Each item is answered in order: accepted (report id), duplicate (of which report) or rejected with every problem by JSON Pointer. Items without their own `idempotencyKey` use `<Idempotency-Key header>#<index>`.',
        consumes: ['application/json', NDJSON],
        response: {
          200: {
            description: 'Every item answered in order',
            content: { 'application/json': { schema: BatchResult }, [NDJSON]: { schema: BatchResultLines } },
          },
          ...errors(400, 401, 403, 413, 415, 429),
        },
      },
    },
    async (req, reply) => {
      const p = principal(req, 'write');
      const ndjson = String(req.headers['content-type'] ?? '').includes('ndjson');
      const requestKey = idempotencyKeyOf(req);
      budgetHeaders(reply, await checkAdmission(ctx.db, p.organisationId, ctx.now()));
      const items = readItems(req.body as Readable, ndjson ? 'ndjson' : 'array');
      // Read up to the first item before answering, so a body that is no array at all is a plain 400.
      const first = await items.next();
      async function* all(): AsyncGenerator<RawItem> {
        if (!first.done) yield first.value;
        yield* items;
      }
      const out = new PassThrough();
      // The answer is streamed (its shapes are the 200 schemas above): Fastify's reply types
      // model a serialised body, so the stream goes through the untyped reply interface.
      const streamed: FastifyReply = reply;
      streamed
        .code(200)
        .type(ndjson ? NDJSON : 'application/json')
        .send(out);
      let firstResult = true;
      const line = (r: ItemResult) => {
        const text = ndjson ? `${JSON.stringify(r)}\n` : `${firstResult ? '' : ','}${JSON.stringify(r)}`;
        firstResult = false;
        return text;
      };
      if (!ndjson) await put(out, '{"items":[');
      try {
        const { summary } = await submitStream(ctx, p, all(), {
          requestKey,
          source: 'api',
          onResults: (results) => put(out, results.map(line).join('')),
        });
        await put(out, ndjson ? `${JSON.stringify({ summary })}\n` : `],"summary":${JSON.stringify(summary)}}`);
      } catch (err) {
        const problem = toProblem(err, req);
        await put(out, ndjson ? `${JSON.stringify({ error: problem })}\n` : `],"error":${JSON.stringify(problem)}}`);
      }
      out.end();
      return reply;
    },
  );
}
