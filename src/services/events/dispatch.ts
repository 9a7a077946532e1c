import { canSee } from '../../domain/policy/visibility';
import { subscribes } from '../../domain/events/event';
import type { Viewer } from '../../domain/policy/viewer';
import { enqueueJobs } from '../../store/jobs';
import { findOrganisation } from '../../store/organisations';
import { claimUndispatched, markDispatched } from '../../store/outbox';
import { activeWebhooks, insertDeliveries } from '../../store/webhooks';
import type { ServiceContext } from '../context';
import { DELIVER_KIND } from './deliver';

/**
 * Moves committed events from the outbox to the webhooks that want them and may see them,
 * as delivery jobs. One transaction per batch: a crash before commit leaves the events
 * undispatched, so they are picked up again (at least once, never lost).
 * Returns how many events it dispatched.
 */
export async function dispatchPending(ctx: ServiceContext, batch = 200): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    const events = await claimUndispatched(tx, batch);
    if (events.length === 0) return 0;
    const hooks = await activeWebhooks(tx);
    // A webhook receives what its organisation as a whole may see: no personal access, no clearance.
    const viewers = new Map<string, Viewer>();
    for (const h of hooks) {
      if (viewers.has(h.organisationId)) continue;
      const org = await findOrganisation(tx, h.organisationId);
      viewers.set(h.organisationId, {
        kind: 'organisation',
        organisationId: h.organisationId,
        clientOf: org?.parentId ?? null,
        coordinator: org?.coordinator ?? false,
      });
    }
    const now = ctx.now();
    const deliveries = events.flatMap((e) =>
      hooks
        .filter((h) => subscribes(h.eventTypes, e.type) && canSee(viewers.get(h.organisationId)!, e.marking))
        .map((h) => ({
          id: ctx.newId(),
          webhookId: h.id,
          eventId: e.id,
          eventType: e.type,
          status: 'pending' as const,
          attempts: 0,
          nextAttemptAt: now,
          createdAt: now,
        })),
    );
    const inserted = await insertDeliveries(tx, deliveries);
    await enqueueJobs(
      tx,
      inserted.map((d) => ({ id: ctx.newId(), kind: DELIVER_KIND, payload: { deliveryId: d.id }, runAt: now, maxAttempts: ctx.config.webhookMaxAttempts })),
      now,
    );
    // Published before the events are marked: if the bus fails, the transaction rolls back and
    // the events are dispatched again later (JetStream drops the repeats by message id).
    await ctx.bus?.publish(events);
    await markDispatched(
      tx,
      events.map((e) => e.id),
      now,
    );
    return events.length;
  });
}
