import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { Viewer } from '../../domain/policy/viewer';
import type { Executor } from '../database';
import { cases } from '../schema/index';
import { visibleTo } from '../visibility';

export type CaseRow = typeof cases.$inferSelect;
export type NewCase = typeof cases.$inferInsert;

/** A case the viewer may see, or null — an invisible case and a missing one look the same. */
export async function findVisibleCase(db: Executor, viewer: Viewer, id: string): Promise<CaseRow | null> {
  const [r] = await db
    .select()
    .from(cases)
    .where(and(eq(cases.id, id), visibleTo(viewer, cases)));
  return r ?? null;
}

/** Locks a visible case for a change in the caller's transaction. */
export async function lockVisibleCase(db: Executor, viewer: Viewer, id: string): Promise<CaseRow | null> {
  const [r] = await db
    .select()
    .from(cases)
    .where(and(eq(cases.id, id), visibleTo(viewer, cases)))
    .for('update');
  return r ?? null;
}

export interface CaseFilter {
  readonly state?: string | undefined;
  readonly kind?: string | undefined;
}

/** The cases the viewer may see, newest first, with their count (the same filter for both). */
export async function listVisibleCases(
  db: Executor,
  viewer: Viewer,
  f: CaseFilter,
  limit: number,
  offset: number,
): Promise<{ items: CaseRow[]; total: number }> {
  const where = and(visibleTo(viewer, cases), f.state ? eq(cases.state, f.state) : undefined, f.kind ? eq(cases.kind, f.kind) : undefined);
  const [items, [total]] = await Promise.all([
    db.select().from(cases).where(where).orderBy(desc(cases.createdAt), desc(cases.id)).limit(limit).offset(offset),
    db.select({ n: count() }).from(cases).where(where),
  ]);
  return { items, total: Number(total?.n ?? 0) };
}

export async function insertCase(db: Executor, row: NewCase): Promise<CaseRow> {
  const [r] = await db.insert(cases).values(row).returning();
  return r!;
}

export async function updateCase(db: Executor, id: string, set: Partial<NewCase>): Promise<CaseRow> {
  const [r] = await db.update(cases).set(set).where(eq(cases.id, id)).returning();
  return r!;
}

/**
 * The newest case a report is in, reduced to what its finder is told (system work: the
 * caller has checked that the viewer sees the report; ADR 0031).
 */
export async function caseStatusOfReport(db: Executor, reportId: string): Promise<Pick<CaseRow, 'state' | 'embargoEnd' | 'advisoryId'> | null> {
  const [r] = await db
    .select({ state: cases.state, embargoEnd: cases.embargoEnd, advisoryId: cases.advisoryId })
    .from(cases)
    .where(sql`${cases.reportIds} @> array[${reportId}]::uuid[]`)
    .orderBy(desc(cases.createdAt), desc(cases.id))
    .limit(1);
  return r ?? null;
}
