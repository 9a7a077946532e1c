import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import type { Viewer } from '../../domain/policy/viewer';
import type { Executor } from '../database';
import { cases, caseVendors, organisations, vendorStatements } from '../schema/index';
import { visibleTo } from '../visibility';

export type CaseVendorRow = typeof caseVendors.$inferSelect;

export async function insertCaseVendors(db: Executor, rows: readonly (typeof caseVendors.$inferInsert)[]): Promise<CaseVendorRow[]> {
  if (rows.length === 0) return [];
  return db
    .insert(caseVendors)
    .values([...rows])
    .returning();
}

/** An organisation's participation in a case, if the viewer may see it. */
export async function findVisibleParticipation(db: Executor, viewer: Viewer, caseId: string, organisationId: string): Promise<CaseVendorRow | null> {
  const [r] = await db
    .select()
    .from(caseVendors)
    .where(and(eq(caseVendors.caseId, caseId), eq(caseVendors.organisationId, organisationId), visibleTo(viewer, caseVendors)));
  return r ?? null;
}

export async function updateParticipation(db: Executor, id: string, set: Partial<typeof caseVendors.$inferInsert>): Promise<CaseVendorRow> {
  const [r] = await db.update(caseVendors).set(set).where(eq(caseVendors.id, id)).returning();
  return r!;
}

/** The organisation ids already invited to a case (for the coordinator's checks). */
export async function invitedOrganisations(db: Executor, caseId: string): Promise<string[]> {
  const rows = await db.select({ id: caseVendors.organisationId }).from(caseVendors).where(eq(caseVendors.caseId, caseId));
  return rows.map((r) => r.id);
}

/**
 * One page of a case's vendors as the viewer may see them (a coordinator: all; a vendor:
 * itself), each with its organisation's name and how many statements it has made.
 */
export async function listVisibleCaseVendors(db: Executor, viewer: Viewer, caseId: string, limit: number, offset: number) {
  const where = and(eq(caseVendors.caseId, caseId), visibleTo(viewer, caseVendors));
  const statements = db
    .select({ org: vendorStatements.vendorOrganisationId, n: count().as('n') })
    .from(vendorStatements)
    .where(eq(vendorStatements.caseId, caseId))
    .groupBy(vendorStatements.vendorOrganisationId)
    .as('s');
  const [items, [total]] = await Promise.all([
    db
      .select({ vendor: caseVendors, name: organisations.name, statementCount: sql<number>`coalesce(${statements.n}, 0)::int` })
      .from(caseVendors)
      .innerJoin(organisations, eq(organisations.id, caseVendors.organisationId))
      .leftJoin(statements, eq(statements.org, caseVendors.organisationId))
      .where(where)
      .orderBy(asc(organisations.name), asc(caseVendors.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(caseVendors).where(where),
  ]);
  return { items, total: Number(total?.n ?? 0) };
}

/** An organisation's inbox: the cases it is invited to, newest invitation first. */
export async function listInbox(db: Executor, viewer: Viewer, organisationId: string, limit: number, offset: number) {
  const where = and(eq(caseVendors.organisationId, organisationId), visibleTo(viewer, caseVendors), visibleTo(viewer, cases));
  const [items, [total]] = await Promise.all([
    db
      .select({ vendor: caseVendors, case: cases })
      .from(caseVendors)
      .innerJoin(cases, eq(cases.id, caseVendors.caseId))
      .where(where)
      .orderBy(desc(caseVendors.invitedAt), desc(caseVendors.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(caseVendors).innerJoin(cases, eq(cases.id, caseVendors.caseId)).where(where),
  ]);
  return { items, total: Number(total?.n ?? 0) };
}
