import { enqueueUnlessPending, type NewJob } from '../../store/jobs';
import { pruneDeliveredEvents } from '../../store/outbox';
import type { ServiceContext } from '../context';
import type { JobHandler } from '../jobs/runner';

/** The recurring job that deletes delivered outbox events past their retention (ADR 0045). */
export const OUTBOX_PRUNE_JOB = 'outbox.prune';
/** How often it runs: often enough that the table holds little more than the retention. */
export const OUTBOX_PRUNE_EVERY_MS = 3_600_000;
/** Rows per delete: short transactions that do not hold up the dispatcher or the stream tail. */
const BATCH = 5_000;
/** Serialises "is the prune job scheduled?" across workers starting at once. */
const SCHEDULE_LOCK = 7366045;

/**
 * Deletes every delivered event dispatched longer ago than `AISC_OUTBOX_RETENTION_DAYS`, in
 * batches; returns how many. Undelivered events and events with a webhook delivery still
 * to retry stay, whatever their age.
 */
export async function pruneOutbox(ctx: ServiceContext): Promise<number> {
  const before = new Date(ctx.now().getTime() - ctx.config.outboxRetentionMs);
  let total = 0;
  for (;;) {
    const n = await pruneDeliveredEvents(ctx.db, before, BATCH);
    total += n;
    if (n < BATCH) return total;
  }
}

/** Prunes, then runs again an interval later (the same job row: no chain of finished jobs). */
export const outboxPruneJob: JobHandler = async (ctx) => {
  const pruned = await pruneOutbox(ctx);
  if (pruned) ctx.log.info({ pruned }, 'delivered outbox events pruned');
  return { status: 'again', runAt: new Date(ctx.now().getTime() + OUTBOX_PRUNE_EVERY_MS) };
};

/** Schedules the prune job (due now) unless a worker already has; called when a worker starts. */
export async function scheduleOutboxPrune(ctx: ServiceContext): Promise<boolean> {
  const now = ctx.now();
  const job: NewJob = { id: ctx.newId(), kind: OUTBOX_PRUNE_JOB, payload: {}, runAt: now, maxAttempts: 5 };
  return ctx.db.transaction((tx) => enqueueUnlessPending(tx, job, now, SCHEDULE_LOCK));
}
