import type { DeliveryStatus } from '../domain/events/delivery-status';
import { AppError, notFound } from '../domain/errors';
import { webhookMarking } from '../domain/identity/directory-marking';
import { can } from '../domain/policy/actions';
import type { Principal } from '../domain/identity/principal';
import { enqueueJobs } from '../store/jobs';
import {
  type DeliveryRow,
  findDelivery,
  findWebhookOf,
  insertWebhook,
  listDeliveries,
  listWebhooksOf,
  updateDelivery,
  updateWebhook,
  type WebhookRow,
} from '../store/webhooks';
import { actorOf } from './actor';
import type { ServiceContext } from './context';
import { newSecret } from './ids';
import { write } from './unit-of-work';
import { DELIVER_KIND } from './events/deliver';
import { checkDestination, withoutAddresses } from './events/destination';

export const webhookView = (w: WebhookRow) => ({
  id: w.id,
  organisationId: w.organisationId,
  url: w.url,
  description: w.description,
  eventTypes: w.eventTypes,
  active: w.active,
  createdAt: w.createdAt.toISOString(),
  updatedAt: w.updatedAt.toISOString(),
});
export type WebhookView = ReturnType<typeof webhookView>;

export const deliveryView = (d: DeliveryRow) => ({
  id: d.id,
  webhookId: d.webhookId,
  eventId: d.eventId,
  eventType: d.eventType,
  status: d.status,
  attempts: d.attempts,
  lastStatusCode: d.lastStatusCode,
  // Older rows may name the address a host resolved to; no answer reveals one (ADR 0040).
  lastError: d.lastError === null ? null : withoutAddresses(d.lastError),
  nextAttemptAt: d.nextAttemptAt?.toISOString() ?? null,
  deliveredAt: d.deliveredAt?.toISOString() ?? null,
  createdAt: d.createdAt.toISOString(),
});
export type DeliveryView = ReturnType<typeof deliveryView>;

export interface WebhookInput {
  readonly url: string;
  readonly description?: string | undefined;
  readonly eventTypes?: readonly string[] | undefined;
  readonly active?: boolean | undefined;
}

const mustManage = (p: Principal) => {
  if (!can(p, 'webhooks.manage', { organisationId: p.organisationId }))
    throw new AppError('FORBIDDEN', 'Only administrators of your organisation manage its webhooks');
};

/**
 * Refuses a URL whose host is (or resolves to) an internal address, unless private
 * destinations are allowed: a 400 on `/url` when the webhook is registered or changed, so
 * the mistake shows at once and not as dead letters later (ADR 0040). Deliveries check again.
 */
async function mustBePublic(ctx: ServiceContext, url: string): Promise<void> {
  if ((await checkDestination(url, ctx.config.webhookAllowPrivate)) === 'internal') {
    throw new AppError('VALIDATION', 'The webhook URL points to an internal address', [
      { path: '/url', message: 'an internal or reserved address (loopback, private, link-local…); set AISC_WEBHOOK_ALLOW_PRIVATE=true to allow one' },
    ]);
  }
}

/** Registers a webhook for the caller's organisation; the signing secret is returned once. */
export async function createWebhook(ctx: ServiceContext, p: Principal, input: WebhookInput): Promise<{ webhook: WebhookView; secret: string }> {
  mustManage(p);
  await mustBePublic(ctx, input.url);
  const secret = newSecret('aisc_whsec_');
  return write(ctx, actorOf(p), async (tx, record) => {
    const now = ctx.now();
    const row = await insertWebhook(tx, {
      id: ctx.newId(),
      organisationId: p.organisationId,
      createdBy: p.userId,
      url: input.url,
      description: input.description ?? '',
      eventTypes: [...new Set(input.eventTypes ?? [])],
      secret,
      active: input.active ?? true,
      createdAt: now,
      updatedAt: now,
    });
    const view = webhookView(row);
    record({ action: 'webhook.created', recordType: 'webhook', recordId: row.id, before: null, after: view, marking: webhookMarking(p.organisationId) });
    return { webhook: view, secret };
  });
}

export async function updateWebhookSettings(ctx: ServiceContext, p: Principal, id: string, patch: Partial<WebhookInput>): Promise<WebhookView> {
  if (patch.url !== undefined) await mustBePublic(ctx, patch.url);
  return write(ctx, actorOf(p), async (tx, record) => {
    const before = await findWebhookOf(tx, p.organisationId, id);
    if (!before) throw notFound('Webhook');
    mustManage(p);
    const after = await updateWebhook(tx, id, {
      url: patch.url ?? before.url,
      description: patch.description ?? before.description,
      eventTypes: patch.eventTypes ? [...new Set(patch.eventTypes)] : before.eventTypes,
      active: patch.active ?? before.active,
      updatedAt: ctx.now(),
    });
    const view = webhookView(after);
    record({
      action: 'webhook.updated',
      recordType: 'webhook',
      recordId: id,
      before: webhookView(before),
      after: view,
      marking: webhookMarking(p.organisationId),
    });
    return view;
  });
}

/** Deletes a webhook (kept as a tombstone so its delivery log stays readable to the audit). */
export async function deleteWebhook(ctx: ServiceContext, p: Principal, id: string): Promise<void> {
  await write(ctx, actorOf(p), async (tx, record) => {
    const before = await findWebhookOf(tx, p.organisationId, id);
    if (!before) throw notFound('Webhook');
    mustManage(p);
    const now = ctx.now();
    await updateWebhook(tx, id, { deletedAt: now, active: false, updatedAt: now });
    record({
      action: 'webhook.deleted',
      recordType: 'webhook',
      recordId: id,
      before: webhookView(before),
      after: null,
      marking: webhookMarking(p.organisationId),
      data: { id },
    });
  });
}

export async function listWebhooks(ctx: ServiceContext, p: Principal): Promise<{ items: WebhookView[]; total: number }> {
  const rows = await listWebhooksOf(ctx.db, p.organisationId);
  return { items: rows.map(webhookView), total: rows.length };
}

/** The delivery log of one of the caller's organisation's webhooks. */
export async function webhookDeliveries(
  ctx: ServiceContext,
  p: Principal,
  webhookId: string,
  f: { status?: DeliveryStatus | undefined; limit: number; offset: number },
): Promise<{ items: DeliveryView[]; total: number }> {
  if (!(await findWebhookOf(ctx.db, p.organisationId, webhookId))) throw notFound('Webhook');
  const r = await listDeliveries(ctx.db, webhookId, f);
  return { items: r.items.map(deliveryView), total: r.total };
}

/** Queues a delivery again (after a fix on the receiver's side), with a fresh attempt budget. */
export async function resendDelivery(ctx: ServiceContext, p: Principal, webhookId: string, deliveryId: string): Promise<DeliveryView> {
  return write(ctx, actorOf(p), async (tx, record) => {
    const hook = await findWebhookOf(tx, p.organisationId, webhookId);
    const before = hook ? await findDelivery(tx, deliveryId) : null;
    if (!hook || !before || before.webhookId !== webhookId) throw notFound('Delivery');
    mustManage(p);
    const now = ctx.now();
    const after = await updateDelivery(tx, deliveryId, { status: 'pending', nextAttemptAt: now, lastError: null });
    await enqueueJobs(
      tx,
      [{ id: ctx.newId(), kind: DELIVER_KIND, payload: { deliveryId }, runAt: now, priority: 1, maxAttempts: ctx.config.webhookMaxAttempts }],
      now,
    );
    record({
      action: 'webhook_delivery.resent',
      recordType: 'webhook_delivery',
      recordId: deliveryId,
      before: deliveryView(before),
      after: deliveryView(after),
      marking: webhookMarking(p.organisationId),
    });
    return deliveryView(after);
  });
}
