import { and, asc, count, eq } from 'drizzle-orm';
import type { Viewer } from '../../domain/policy/viewer';
import type { Executor } from '../database';
import { caseVulnerabilities, vendorStatements } from '../schema/index';
import { visibleTo } from '../visibility';

export type StatementRow = typeof vendorStatements.$inferSelect;
export type VulnerabilityRow = typeof caseVulnerabilities.$inferSelect;

export async function insertVulnerabilities(db: Executor, rows: readonly (typeof caseVulnerabilities.$inferInsert)[]): Promise<VulnerabilityRow[]> {
  if (rows.length === 0) return [];
  return db
    .insert(caseVulnerabilities)
    .values([...rows])
    .returning();
}

export async function findVisibleVulnerability(db: Executor, viewer: Viewer, caseId: string, id: string): Promise<VulnerabilityRow | null> {
  const [r] = await db
    .select()
    .from(caseVulnerabilities)
    .where(and(eq(caseVulnerabilities.id, id), eq(caseVulnerabilities.caseId, caseId), visibleTo(viewer, caseVulnerabilities)));
  return r ?? null;
}

export async function listVisibleVulnerabilities(db: Executor, viewer: Viewer, caseId: string): Promise<VulnerabilityRow[]> {
  return db
    .select()
    .from(caseVulnerabilities)
    .where(and(eq(caseVulnerabilities.caseId, caseId), visibleTo(viewer, caseVulnerabilities)))
    .orderBy(asc(caseVulnerabilities.createdAt), asc(caseVulnerabilities.id));
}

/** The statement of one vendor on one vulnerability (locked), whether or not the caller sees it. */
export async function lockStatement(db: Executor, vulnerabilityId: string, vendorOrganisationId: string): Promise<StatementRow | null> {
  const [r] = await db
    .select()
    .from(vendorStatements)
    .where(and(eq(vendorStatements.vulnerabilityId, vulnerabilityId), eq(vendorStatements.vendorOrganisationId, vendorOrganisationId)))
    .for('update');
  return r ?? null;
}

export async function lockVisibleStatement(db: Executor, viewer: Viewer, caseId: string, id: string): Promise<StatementRow | null> {
  const [r] = await db
    .select()
    .from(vendorStatements)
    .where(and(eq(vendorStatements.id, id), eq(vendorStatements.caseId, caseId), visibleTo(viewer, vendorStatements)))
    .for('update');
  return r ?? null;
}

export async function insertStatement(db: Executor, row: typeof vendorStatements.$inferInsert): Promise<StatementRow> {
  const [r] = await db.insert(vendorStatements).values(row).returning();
  return r!;
}

export async function updateStatement(db: Executor, id: string, set: Partial<typeof vendorStatements.$inferInsert>): Promise<StatementRow> {
  const [r] = await db.update(vendorStatements).set(set).where(eq(vendorStatements.id, id)).returning();
  return r!;
}

/** Shared statements of a case (their access lists grow when a vendor joins later). */
export async function sharedStatements(db: Executor, caseId: string): Promise<StatementRow[]> {
  return db
    .select()
    .from(vendorStatements)
    .where(and(eq(vendorStatements.caseId, caseId), eq(vendorStatements.shared, true)));
}

/** One page of a case's statements the viewer may see, optionally one vendor's. */
export async function listVisibleStatements(db: Executor, viewer: Viewer, caseId: string, vendor: string | undefined, limit: number, offset: number) {
  const where = and(
    eq(vendorStatements.caseId, caseId),
    vendor ? eq(vendorStatements.vendorOrganisationId, vendor) : undefined,
    visibleTo(viewer, vendorStatements),
  );
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(vendorStatements)
      .where(where)
      .orderBy(asc(vendorStatements.vendorOrganisationId), asc(vendorStatements.vulnerabilityId))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(vendorStatements).where(where),
  ]);
  return { items, total: Number(total?.n ?? 0) };
}
