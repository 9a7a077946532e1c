import { backoffMs } from '../../domain/jobs/backoff';
import { jitter } from '../ids';
import { signatureFor, SIGNATURE_HEADER } from '../../domain/events/signature';
import { findEvent } from '../../store/outbox';
import { deliveryFailure, destinationProblem, guardedLookup } from './destination';
import { postBody } from './post';
import { findDelivery, findWebhook, updateDelivery } from '../../store/webhooks';
import type { ServiceContext } from '../context';
import type { JobOutcome } from '../jobs/runner';

export const DELIVER_KIND = 'webhook.deliver';

/** The body a receiver gets: the event without its marking. */
export function deliveryBody(e: { id: string; type: string; recordType: string; recordId: string; at: string; data: unknown }): string {
  return JSON.stringify({ id: e.id, type: e.type, recordType: e.recordType, recordId: e.recordId, at: e.at, data: e.data });
}

/**
 * One delivery attempt: POST the event, signed, with a timeout. 2xx is success; anything
 * else is retried by the job runner with backoff until the attempts run out (dead letter).
 * Runs outside any transaction: a crash mid-request leaves the job leased, and the lease
 * expiry hands it to another worker (at least once).
 */
export async function deliverWebhook(ctx: ServiceContext, payload: { deliveryId?: unknown }, attempt: number, lastAttempt: boolean): Promise<JobOutcome> {
  const delivery = typeof payload.deliveryId === 'string' ? await findDelivery(ctx.db, payload.deliveryId) : null;
  if (!delivery) return { status: 'dead', error: 'delivery not found' };
  const [hook, event] = await Promise.all([findWebhook(ctx.db, delivery.webhookId), findEvent(ctx.db, delivery.eventId)]);
  if (!hook || !event || !hook.active || hook.deletedAt) {
    await updateDelivery(ctx.db, delivery.id, { status: 'dead', lastError: 'webhook disabled or deleted', nextAttemptAt: null });
    return { status: 'dead', error: 'webhook disabled or deleted' };
  }
  const refused = await destinationProblem(hook.url, ctx.config.webhookAllowPrivate);
  if (refused) {
    await updateDelivery(ctx.db, delivery.id, { status: 'dead', attempts: attempt, lastError: refused, nextAttemptAt: null });
    return { status: 'dead', error: refused };
  }
  const body = deliveryBody(event);
  const ts = Math.floor(ctx.now().getTime() / 1000);
  let statusCode: number | null = null;
  let error: string | null = null;
  try {
    statusCode = await postBody(
      hook.url,
      {
        'content-type': 'application/json',
        'user-agent': 'AISC-Webhooks/1',
        [SIGNATURE_HEADER]: signatureFor(hook.secret, ts, body),
        'aisc-event-id': event.id,
        'aisc-event-type': event.type,
        'aisc-delivery-id': delivery.id,
      },
      body,
      // The connection itself may only use public addresses (DNS rebinding, ADR 0007).
      { timeoutMs: ctx.config.webhookTimeoutMs, ...(ctx.config.webhookAllowPrivate ? {} : { lookup: guardedLookup() }) },
    );
    if (statusCode < 200 || statusCode >= 300) error = `receiver answered HTTP ${statusCode}`;
  } catch (err) {
    error = deliveryFailure(err);
  }
  const now = ctx.now();
  if (!error) {
    await updateDelivery(ctx.db, delivery.id, {
      status: 'succeeded',
      attempts: attempt,
      lastStatusCode: statusCode,
      lastError: null,
      deliveredAt: now,
      nextAttemptAt: null,
    });
    return { status: 'done' };
  }
  if (lastAttempt) {
    await updateDelivery(ctx.db, delivery.id, { status: 'dead', attempts: attempt, lastStatusCode: statusCode, lastError: error, nextAttemptAt: null });
    return { status: 'dead', error };
  }
  const runAt = new Date(now.getTime() + backoffMs(attempt, jitter()));
  await updateDelivery(ctx.db, delivery.id, { status: 'failed', attempts: attempt, lastStatusCode: statusCode, lastError: error, nextAttemptAt: runAt });
  return { status: 'retry', error, runAt };
}
