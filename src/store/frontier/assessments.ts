import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Viewer } from '../../domain/policy/viewer';
import type { Executor } from '../database';
import {
  frontierAccessGrants,
  frontierAccessPlans,
  frontierAssessmentAnnexes,
  frontierAssessmentConclusions,
  frontierAssessmentEngagements,
  frontierAssessmentFindings,
  frontierCheckpoints,
  frontierEngagementRuns,
} from '../schema/index';
import { visibleTo } from '../visibility';

export type EngagementRow = typeof frontierAssessmentEngagements.$inferSelect;
export type FindingRow = typeof frontierAssessmentFindings.$inferSelect;
export type ConclusionRow = typeof frontierAssessmentConclusions.$inferSelect;
export type AnnexRow = typeof frontierAssessmentAnnexes.$inferSelect;
export type EngagementRunRow = typeof frontierEngagementRuns.$inferSelect;

const E = frontierAssessmentEngagements;
const F = frontierAssessmentFindings;
const C = frontierAssessmentConclusions;
const A = frontierAssessmentAnnexes;
const R = frontierEngagementRuns;

// Engagements

export async function insertEngagement(db: Executor, row: typeof E.$inferInsert): Promise<EngagementRow> {
  const [r] = await db.insert(E).values(row).returning();
  return r!;
}

export async function updateEngagement(db: Executor, id: string, set: Partial<typeof E.$inferInsert>): Promise<EngagementRow> {
  const [r] = await db.update(E).set(set).where(eq(E.id, id)).returning();
  return r!;
}

/** An engagement the viewer may see, or null (an invisible one and a missing one look the same); `lock` for an update. */
export async function findVisibleEngagement(db: Executor, viewer: Viewer, id: string, lock = false): Promise<EngagementRow | null> {
  const q = db
    .select()
    .from(E)
    .where(and(eq(E.id, id), visibleTo(viewer, E)));
  const [r] = lock ? await q.for('update') : await q;
  return r ?? null;
}

/** A published engagement by id, whoever asks: its summary is public (the export still filters every part). */
export async function findPublishedEngagement(db: Executor, id: string): Promise<EngagementRow | null> {
  const [r] = await db
    .select()
    .from(E)
    .where(and(eq(E.id, id), eq(E.state, 'published_summary')));
  return r ?? null;
}

export interface EngagementFilter {
  readonly versionId?: string | undefined;
  readonly state?: string | undefined;
  readonly assessorOrganisationId?: string | undefined;
  readonly domain?: string | undefined;
  readonly limit: number;
  readonly offset: number;
}

export async function listVisibleEngagements(db: Executor, viewer: Viewer, f: EngagementFilter): Promise<{ items: EngagementRow[]; total: number }> {
  const where = and(
    visibleTo(viewer, E),
    f.versionId ? eq(E.versionId, f.versionId) : undefined,
    f.state ? eq(E.state, f.state) : undefined,
    f.assessorOrganisationId ? eq(E.assessorOrganisationId, f.assessorOrganisationId) : undefined,
    f.domain ? arrayContains(f.domain) : undefined,
  );
  const [items, [c]] = await Promise.all([
    db.select().from(E).where(where).orderBy(desc(E.createdAt), desc(E.id)).limit(f.limit).offset(f.offset),
    db.select({ n: count() }).from(E).where(where),
  ]);
  return { items, total: c?.n ?? 0 };
}

const arrayContains = (domain: string) => sql`${E.scopeDomains} @> array[${domain}]::text[]`;

// Parts of an engagement (each filtered by its own marking)

export async function insertFinding(db: Executor, row: typeof F.$inferInsert): Promise<FindingRow> {
  const [r] = await db.insert(F).values(row).returning();
  return r!;
}

export async function updateFinding(db: Executor, id: string, set: Partial<typeof F.$inferInsert>): Promise<FindingRow> {
  const [r] = await db.update(F).set(set).where(eq(F.id, id)).returning();
  return r!;
}

export async function deleteFinding(db: Executor, id: string): Promise<void> {
  await db.delete(F).where(eq(F.id, id));
}

export async function findVisibleFinding(db: Executor, viewer: Viewer, engagementId: string, id: string, lock = false): Promise<FindingRow | null> {
  const q = db
    .select()
    .from(F)
    .where(and(eq(F.id, id), eq(F.engagementId, engagementId), visibleTo(viewer, F)));
  const [r] = lock ? await q.for('update') : await q;
  return r ?? null;
}

export async function visibleFindingsOf(db: Executor, viewer: Viewer, engagementId: string): Promise<FindingRow[]> {
  return db
    .select()
    .from(F)
    .where(and(eq(F.engagementId, engagementId), visibleTo(viewer, F)))
    .orderBy(asc(F.createdAt), asc(F.id));
}

export async function upsertConclusion(db: Executor, row: typeof C.$inferInsert): Promise<ConclusionRow> {
  const { id: _id, createdAt: _c, engagementId: _e, domain: _d, ...set } = row;
  const [r] = await db
    .insert(C)
    .values(row)
    .onConflictDoUpdate({ target: [C.engagementId, C.domain], set })
    .returning();
  return r!;
}

export async function findConclusionOf(db: Executor, engagementId: string, domain: string): Promise<ConclusionRow | null> {
  const [r] = await db
    .select()
    .from(C)
    .where(and(eq(C.engagementId, engagementId), eq(C.domain, domain)));
  return r ?? null;
}

export async function visibleConclusionsOf(db: Executor, viewer: Viewer, engagementId: string): Promise<ConclusionRow[]> {
  return db
    .select()
    .from(C)
    .where(and(eq(C.engagementId, engagementId), visibleTo(viewer, C)))
    .orderBy(asc(C.domain));
}

export async function insertAnnex(db: Executor, row: typeof A.$inferInsert): Promise<AnnexRow> {
  const [r] = await db.insert(A).values(row).returning();
  return r!;
}

export async function visibleAnnexesOf(db: Executor, viewer: Viewer, engagementId: string): Promise<AnnexRow[]> {
  return db
    .select()
    .from(A)
    .where(and(eq(A.engagementId, engagementId), visibleTo(viewer, A)))
    .orderBy(asc(A.createdAt), asc(A.id));
}

// Runs

export async function insertEngagementRun(db: Executor, row: typeof R.$inferInsert): Promise<EngagementRunRow | null> {
  const [r] = await db.insert(R).values(row).onConflictDoNothing().returning();
  return r ?? null;
}

export async function deleteEngagementRun(db: Executor, engagementId: string, runId: string): Promise<EngagementRunRow | null> {
  const [r] = await db
    .delete(R)
    .where(and(eq(R.engagementId, engagementId), eq(R.runId, runId)))
    .returning();
  return r ?? null;
}

export async function visibleRunsOf(db: Executor, viewer: Viewer, engagementId: string): Promise<EngagementRunRow[]> {
  return db
    .select()
    .from(R)
    .where(and(eq(R.engagementId, engagementId), visibleTo(viewer, R)))
    .orderBy(asc(R.linkedAt), asc(R.runId));
}

// What an engagement relies on

/** The checkpoints among `ids` that belong to `versionId` and the viewer may see. */
export async function visibleCheckpointIdsOf(db: Executor, viewer: Viewer, versionId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: frontierCheckpoints.id })
    .from(frontierCheckpoints)
    .where(and(inArray(frontierCheckpoints.id, [...ids]), eq(frontierCheckpoints.versionId, versionId), visibleTo(viewer, frontierCheckpoints)));
  return new Set(rows.map((r) => r.id));
}

/** The grants among `ids` of `versionId`'s access plan the viewer may see, with their grantee. */
export async function visibleGrantsOfVersion(
  db: Executor,
  viewer: Viewer,
  versionId: string,
  ids: readonly string[],
): Promise<Map<string, { granteeOrganisationId: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: frontierAccessGrants.id, granteeOrganisationId: frontierAccessGrants.granteeOrganisationId })
    .from(frontierAccessGrants)
    .innerJoin(frontierAccessPlans, eq(frontierAccessPlans.id, frontierAccessGrants.planId))
    .where(and(inArray(frontierAccessGrants.id, [...ids]), eq(frontierAccessPlans.versionId, versionId), visibleTo(viewer, frontierAccessGrants)));
  return new Map(rows.map((r) => [r.id, { granteeOrganisationId: r.granteeOrganisationId }]));
}
