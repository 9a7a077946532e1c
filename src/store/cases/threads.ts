import { and, asc, count, eq } from 'drizzle-orm';
import type { Viewer } from '../../domain/policy/viewer';
import type { Executor } from '../database';
import { caseMessages, caseThreads } from '../schema/index';
import { visibleTo } from '../visibility';

export type ThreadRow = typeof caseThreads.$inferSelect;
export type MessageRow = typeof caseMessages.$inferSelect;

export async function insertThread(db: Executor, row: typeof caseThreads.$inferInsert): Promise<ThreadRow> {
  const [r] = await db.insert(caseThreads).values(row).returning();
  return r!;
}

export async function findVisibleThread(db: Executor, viewer: Viewer, caseId: string, id: string): Promise<ThreadRow | null> {
  const [r] = await db
    .select()
    .from(caseThreads)
    .where(and(eq(caseThreads.id, id), eq(caseThreads.caseId, caseId), visibleTo(viewer, caseThreads)));
  return r ?? null;
}

export async function listVisibleThreads(db: Executor, viewer: Viewer, caseId: string, limit: number, offset: number) {
  const where = and(eq(caseThreads.caseId, caseId), visibleTo(viewer, caseThreads));
  const [items, [total]] = await Promise.all([
    db.select().from(caseThreads).where(where).orderBy(asc(caseThreads.createdAt), asc(caseThreads.id)).limit(limit).offset(offset),
    db.select({ n: count() }).from(caseThreads).where(where),
  ]);
  return { items, total: Number(total?.n ?? 0) };
}

export async function insertMessage(db: Executor, row: typeof caseMessages.$inferInsert): Promise<MessageRow> {
  const [r] = await db.insert(caseMessages).values(row).returning();
  return r!;
}

export async function listVisibleMessages(db: Executor, viewer: Viewer, threadId: string, limit: number, offset: number) {
  const where = and(eq(caseMessages.threadId, threadId), visibleTo(viewer, caseMessages));
  const [items, [total]] = await Promise.all([
    db.select().from(caseMessages).where(where).orderBy(asc(caseMessages.createdAt), asc(caseMessages.id)).limit(limit).offset(offset),
    db.select({ n: count() }).from(caseMessages).where(where),
  ]);
  return { items, total: Number(total?.n ?? 0) };
}
