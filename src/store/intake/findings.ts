import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Viewer } from '../../domain/policy/viewer';
import type { Executor } from '../database';
import { findings, organisations } from '../schema/index';
import { visibleTo } from '../visibility';
import { insertMany } from '../insert-many';

export type FindingRow = typeof findings.$inferSelect;
export type NewFinding = typeof findings.$inferInsert;

export const insertFindings = (db: Executor, rows: readonly NewFinding[]): Promise<void> => insertMany(db, findings, rows);

/** The findings an organisation stored under these idempotency keys (for replays and conflicts). */
export async function findingsByIdempotencyKeys(
  db: Executor,
  organisationId: string,
  keys: readonly string[],
): Promise<Pick<FindingRow, 'id' | 'idempotencyKey' | 'contentDigest' | 'reportId' | 'disposition' | 'duplicateKind'>[]> {
  if (keys.length === 0) return [];
  return db
    .select({
      id: findings.id,
      idempotencyKey: findings.idempotencyKey,
      contentDigest: findings.contentDigest,
      reportId: findings.reportId,
      disposition: findings.disposition,
      duplicateKind: findings.duplicateKind,
    })
    .from(findings)
    .where(and(eq(findings.ownerOrganisationId, organisationId), inArray(findings.idempotencyKey, [...keys])));
}

/** A finding the viewer may see, or null (invisible and missing look the same). */
export async function findVisibleFinding(db: Executor, viewer: Viewer, id: string): Promise<FindingRow | null> {
  const [f] = await db
    .select()
    .from(findings)
    .where(and(eq(findings.id, id), visibleTo(viewer, findings)));
  return f ?? null;
}

/** The findings of a report the viewer may see, oldest first. */
export function visibleFindingsOfReport(db: Executor, viewer: Viewer, reportId: string): Promise<FindingRow[]> {
  return db
    .select()
    .from(findings)
    .where(and(eq(findings.reportId, reportId), visibleTo(viewer, findings)))
    .orderBy(asc(findings.createdAt), asc(findings.id));
}

/** All findings of a report, whoever may see them (for merges, splits and credits). */
export function findingsOfReport(db: Executor, reportId: string): Promise<FindingRow[]> {
  return db.select().from(findings).where(eq(findings.reportId, reportId)).orderBy(asc(findings.createdAt), asc(findings.id));
}

/** Moves findings to another report. */
export async function moveFindings(db: Executor, ids: readonly string[], reportId: string): Promise<void> {
  if (ids.length)
    await db
      .update(findings)
      .set({ reportId })
      .where(inArray(findings.id, [...ids]));
}

/** Who reported a report: each organisation once, with how many of its findings and the models used. */
export async function creditsOfReport(
  db: Executor,
  reportId: string,
): Promise<{ organisationId: string; organisationName: string; findings: number; models: string[]; firstAt: Date }[]> {
  const rows = await db
    .select({
      organisationId: findings.ownerOrganisationId,
      organisationName: organisations.name,
      n: sql<number>`count(*)::int`,
      models: sql<string[]>`coalesce(array_agg(distinct ${findings.modelName}) filter (where ${findings.modelName} is not null), '{}')`,
      firstAt: sql<Date>`min(${findings.createdAt})`,
    })
    .from(findings)
    .innerJoin(organisations, eq(organisations.id, findings.ownerOrganisationId))
    .where(eq(findings.reportId, reportId))
    .groupBy(findings.ownerOrganisationId, organisations.name);
  return rows
    .map((r) => ({
      organisationId: r.organisationId,
      organisationName: r.organisationName,
      findings: Number(r.n),
      models: r.models ?? [],
      firstAt: new Date(r.firstAt),
    }))
    .sort((a, b) => a.firstAt.getTime() - b.firstAt.getTime());
}
