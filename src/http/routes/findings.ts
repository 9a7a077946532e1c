import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { FindingInput } from '../../services/intake/finding-schema';
import { getAttachment, getFinding } from '../../services/intake/reports';
import { submitFinding } from '../../services/intake/submit-one';
import type { App, AppDeps } from '../app';
import { principal } from '../auth';
import { errors, IdParams } from '../schemas';
import { attachmentDisposition } from '../content-disposition';
import { budgetHeaders, idempotencyKeyOf } from './intake-headers';
import { Finding, ItemResult } from './intake-schemas';

/** A single finding may carry proofs of concept inline (base64), so its body may exceed the global limit. */
const SINGLE_BODY_LIMIT = 8 * 1_048_576;

/** Submitting one finding, and reading a proof of concept (TLP:RED: its named recipients only). */
/** A proof of concept's bytes, in the media type it was uploaded with. */
const AttachmentContent = z.string().meta({ id: 'AttachmentContent', format: 'binary' });

export function findingRoutes(app: App, { ctx }: AppDeps): void {
  const tags = ['intake'];
  app.post(
    '/api/findings',
    {
      bodyLimit: SINGLE_BODY_LIMIT,
      // The schema documents the body; the service checks it (schema and semantic rules
      // together), so one answer names every problem (issue 9 item 12).
      attachValidation: true,
      schema: {
        tags,
        summary: 'Submit one finding (201 accepted as a new report, 200 duplicate of an existing one)',
        description: 'An `Idempotency-Key` header (or the finding’s own `idempotencyKey`) makes retries safe; the same key with different content is a 409.',
        body: FindingInput,
        response: { 200: ItemResult, 201: ItemResult, ...errors(400, 401, 403, 409, 413, 429) },
      },
    },
    async (req, reply) => {
      const p = principal(req, 'write');
      const { result, budget } = await submitFinding(ctx, p, req.body, { requestKey: idempotencyKeyOf(req), source: 'api' });
      budgetHeaders(reply, budget);
      return reply.code(result.status === 'accepted' ? 201 : 200).send(result);
    },
  );
  app.get(
    '/api/findings/:id',
    {
      schema: {
        tags,
        summary: 'One of your findings (also one that duplicated a report you may not see)',
        params: IdParams,
        response: { 200: Finding, ...errors(401, 404) },
      },
    },
    async (req) => getFinding(ctx, principal(req), req.params.id),
  );
  app.get(
    '/api/findings/attachments/:id',
    {
      schema: {
        tags,
        summary: 'Download a proof of concept',
        params: IdParams,
        response: { 200: { description: 'The file as uploaded', content: { 'application/octet-stream': { schema: AttachmentContent } } }, ...errors(401, 404) },
      },
    },
    async (req, reply) => {
      const a = await getAttachment(ctx, principal(req), req.params.id);
      // Sent with its own media type; the bytes are not serialised, so the untyped reply sends them.
      const raw: FastifyReply = reply;
      return raw
        .header('content-disposition', attachmentDisposition(a.name))
        .header('x-content-type-options', 'nosniff')
        .header('digest', `sha-256=${Buffer.from(a.digest.slice(7), 'hex').toString('base64')}`)
        .type(a.mediaType)
        .send(a.content);
    },
  );
}
