import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Executor } from './database';
import type { DeliveryStatus } from '../domain/events/delivery-status';
import { webhookDeliveries, webhooks } from './schema/index';

export type WebhookRow = typeof webhooks.$inferSelect;
export type DeliveryRow = typeof webhookDeliveries.$inferSelect;

export async function insertWebhook(db: Executor, row: typeof webhooks.$inferInsert): Promise<WebhookRow> {
  const [r] = await db.insert(webhooks).values(row).returning();
  return r!;
}

/** A live webhook of the organisation (others' webhooks do not exist for it). */
export async function findWebhookOf(db: Executor, organisationId: string, id: string): Promise<WebhookRow | null> {
  const [r] = await db
    .select()
    .from(webhooks)
    .where(and(eq(webhooks.id, id), eq(webhooks.organisationId, organisationId), isNull(webhooks.deletedAt)));
  return r ?? null;
}

export async function findWebhook(db: Executor, id: string): Promise<WebhookRow | null> {
  const [r] = await db.select().from(webhooks).where(eq(webhooks.id, id));
  return r ?? null;
}

export async function listWebhooksOf(db: Executor, organisationId: string): Promise<WebhookRow[]> {
  return db
    .select()
    .from(webhooks)
    .where(and(eq(webhooks.organisationId, organisationId), isNull(webhooks.deletedAt)))
    .orderBy(desc(webhooks.createdAt));
}

export async function activeWebhooks(db: Executor): Promise<WebhookRow[]> {
  return db
    .select()
    .from(webhooks)
    .where(and(eq(webhooks.active, true), isNull(webhooks.deletedAt)));
}

export async function updateWebhook(db: Executor, id: string, set: Partial<typeof webhooks.$inferInsert>): Promise<WebhookRow> {
  const [r] = await db.update(webhooks).set(set).where(eq(webhooks.id, id)).returning();
  return r!;
}

export async function insertDeliveries(db: Executor, rows: (typeof webhookDeliveries.$inferInsert)[]): Promise<DeliveryRow[]> {
  if (rows.length === 0) return [];
  return db.insert(webhookDeliveries).values(rows).onConflictDoNothing().returning();
}

export async function findDelivery(db: Executor, id: string): Promise<DeliveryRow | null> {
  const [r] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id));
  return r ?? null;
}

export async function updateDelivery(db: Executor, id: string, set: Partial<typeof webhookDeliveries.$inferInsert>): Promise<DeliveryRow> {
  const [r] = await db.update(webhookDeliveries).set(set).where(eq(webhookDeliveries.id, id)).returning();
  return r!;
}

export async function listDeliveries(
  db: Executor,
  webhookId: string,
  f: { status?: DeliveryStatus | undefined; limit: number; offset: number },
): Promise<{ items: DeliveryRow[]; total: number }> {
  const where = and(eq(webhookDeliveries.webhookId, webhookId), f.status ? eq(webhookDeliveries.status, f.status) : undefined);
  const [items, [total]] = await Promise.all([
    db.select().from(webhookDeliveries).where(where).orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id)).limit(f.limit).offset(f.offset),
    db.select({ n: count() }).from(webhookDeliveries).where(where),
  ]);
  return { items, total: Number(total?.n ?? 0) };
}
