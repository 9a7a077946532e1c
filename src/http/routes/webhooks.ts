import { z } from 'zod';
import { createWebhook, deleteWebhook, listWebhooks, resendDelivery, updateWebhookSettings, webhookDeliveries } from '../../services/webhooks';
import type { App, AppDeps } from '../app';
import { principal } from '../auth';
import { Delivery, errors, IdParams, page, Paging, Uuid, Webhook } from '../schemas';

const HookUrl = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .refine((u) => !new URL(u).username && !new URL(u).password, 'must not carry credentials');
const EventTypes = z.array(z.string().regex(/^[a-z_]+\.(\*|[a-z_]+)$/, 'an event type like note.created or note.*')).max(100);

export function webhookRoutes(app: App, { ctx }: AppDeps): void {
  const tags = ['webhooks'];
  app.get('/api/webhooks', { schema: { tags, summary: "Your organisation's webhooks", response: { 200: page(Webhook), ...errors(401) } } }, async (req) =>
    listWebhooks(ctx, principal(req)),
  );
  app.post(
    '/api/webhooks',
    {
      schema: {
        tags,
        summary: 'Register a webhook (the signing secret is shown once)',
        body: z.strictObject({ url: HookUrl, description: z.string().max(500).optional(), eventTypes: EventTypes.optional(), active: z.boolean().optional() }),
        response: { 201: z.object({ webhook: Webhook, secret: z.string() }).meta({ id: 'NewWebhook' }), ...errors(400, 401, 403) },
      },
    },
    async (req, reply) => reply.code(201).send(await createWebhook(ctx, principal(req, 'admin'), req.body)),
  );
  app.patch(
    '/api/webhooks/:id',
    {
      schema: {
        tags,
        summary: 'Change a webhook',
        params: IdParams,
        body: z.strictObject({
          url: HookUrl.optional(),
          description: z.string().max(500).optional(),
          eventTypes: EventTypes.optional(),
          active: z.boolean().optional(),
        }),
        response: { 200: Webhook, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => updateWebhookSettings(ctx, principal(req, 'admin'), req.params.id, req.body),
  );
  app.delete(
    '/api/webhooks/:id',
    { schema: { tags, summary: 'Delete a webhook', params: IdParams, response: { 204: z.null(), ...errors(401, 403, 404) } } },
    async (req, reply) => {
      await deleteWebhook(ctx, principal(req, 'admin'), req.params.id);
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/api/webhooks/:id/deliveries',
    {
      schema: {
        tags,
        summary: 'The delivery log of a webhook',
        params: IdParams,
        querystring: z.strictObject({ status: z.enum(['pending', 'succeeded', 'failed', 'dead']).optional(), ...Paging }),
        response: { 200: page(Delivery), ...errors(400, 401, 404) },
      },
    },
    async (req) => webhookDeliveries(ctx, principal(req), req.params.id, req.query),
  );
  app.post(
    '/api/webhooks/:id/deliveries/:deliveryId/resend',
    {
      schema: {
        tags,
        summary: 'Queue a delivery again',
        params: z.strictObject({ id: Uuid, deliveryId: Uuid }),
        response: { 202: Delivery, ...errors(401, 403, 404) },
      },
    },
    async (req, reply) => reply.code(202).send(await resendDelivery(ctx, principal(req, 'admin'), req.params.id, req.params.deliveryId)),
  );
}
