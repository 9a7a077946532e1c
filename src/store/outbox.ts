import { and, asc, gt, inArray, isNotNull, isNull, lt, not, sql } from 'drizzle-orm';
import { insertRows } from './insert-many';
import type { DomainEvent } from '../domain/events/event';
import type { Executor, Tx } from './database';
import { outbox } from './schema/index';
import { markingOf, markingRow } from './visibility';

/** Writes events in the caller's transaction (the transactional outbox). */
export async function insertEvents(tx: Tx, events: readonly DomainEvent[]): Promise<void> {
  if (events.length === 0) return;
  await insertRows(
    tx,
    outbox,
    events.map((e) => ({
      id: e.id,
      at: new Date(e.at),
      type: e.type,
      recordType: e.recordType,
      recordId: e.recordId,
      ...markingRow(e.marking),
      data: e.data,
    })),
  );
}

export type StoredEvent = DomainEvent & { readonly seq: number };

const fromRow = (r: typeof outbox.$inferSelect): StoredEvent => ({
  seq: r.seq,
  id: r.id,
  type: r.type,
  recordType: r.recordType,
  recordId: r.recordId,
  at: r.at.toISOString(),
  marking: markingOf(r),
  data: r.data as Record<string, unknown>,
});

/**
 * Claims undispatched events for this transaction; other dispatchers skip them
 * (FOR UPDATE SKIP LOCKED), so several nodes share the work without doing it twice.
 */
export async function claimUndispatched(tx: Tx, limit: number): Promise<StoredEvent[]> {
  const rows = await tx.select().from(outbox).where(isNull(outbox.dispatchedAt)).orderBy(asc(outbox.seq)).limit(limit).for('update', { skipLocked: true });
  return rows.map(fromRow);
}

export async function markDispatched(tx: Tx, ids: readonly string[], at: Date): Promise<void> {
  if (ids.length)
    await tx
      .update(outbox)
      .set({ dispatchedAt: at })
      .where(inArray(outbox.id, [...ids]));
}

/** Events after `afterSeq`, in order (streams tail the outbox; they filter per viewer). */
export async function eventsAfter(db: Executor, afterSeq: number, limit: number): Promise<StoredEvent[]> {
  const rows = await db.select().from(outbox).where(gt(outbox.seq, afterSeq)).orderBy(asc(outbox.seq)).limit(limit);
  return rows.map(fromRow);
}

export async function latestEventSeq(db: Executor): Promise<number> {
  const [r] = await db.select({ m: sql<number>`coalesce(max(${outbox.seq}), 0)` }).from(outbox);
  return Number(r?.m ?? 0);
}

export async function findEvent(db: Executor, id: string): Promise<StoredEvent | null> {
  const [r] = await db
    .select()
    .from(outbox)
    .where(and(sql`${outbox.id} = ${id}`));
  return r ? fromRow(r) : null;
}

/**
 * Deletes up to `limit` delivered events dispatched before `before` (ADR 0045) and returns
 * how many. Delivered means dispatched with no webhook delivery still to try (`pending` or
 * `failed`, retried with backoff): a delivery reads its event from here. Undispatched
 * events are never deleted, however old.
 */
export async function pruneDeliveredEvents(db: Executor, before: Date, limit: number): Promise<number> {
  // Spelled out: drizzle may leave `${outbox.id}` unqualified, and a bare "id" here is d.id.
  const stillToDeliver = sql`exists (select 1 from webhook_deliveries d where d.event_id = outbox.id and d.status in ('pending', 'failed'))`;
  const due = db
    .select({ seq: outbox.seq })
    .from(outbox)
    .where(and(isNotNull(outbox.dispatchedAt), lt(outbox.dispatchedAt, before), not(stillToDeliver)))
    .orderBy(asc(outbox.seq))
    .limit(limit);
  const gone = await db.delete(outbox).where(inArray(outbox.seq, due)).returning({ seq: outbox.seq });
  return gone.length;
}
