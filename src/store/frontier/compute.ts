import { and, arrayOverlaps, asc, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { locationScope } from '../../domain/policy/compute-location';
import type { Viewer } from '../../domain/policy/viewer';
import type { Executor } from '../database';
import { frontierClusters, frontierComputeCrossings, frontierFacilities, frontierTrainingRuns } from '../schema/index';
import { visibleTo } from '../visibility';

export type FacilityRow = typeof frontierFacilities.$inferSelect;
export type ClusterRow = typeof frontierClusters.$inferSelect;
export type TrainingRunRow = typeof frontierTrainingRuns.$inferSelect;

/**
 * The SQL twin of `canSeeFacilityLocation` beyond seeing the row (policy/compute-location.ts):
 * a country filter matches only facilities whose location the viewer may see, so filtering by
 * country is no oracle for where a restricted facility is.
 */
export function locationVisibleTo(viewer: Viewer): SQL {
  const s = locationScope(viewer);
  if (s.all || s.clearedStaff) return sql`true`;
  const open = sql`${frontierFacilities.locationDisclosure} = 'with_facility'`;
  return s.ownerOrganisationId ? sql`(${open} or ${frontierFacilities.ownerOrganisationId} = ${s.ownerOrganisationId})` : open;
}

export async function insertFacility(db: Executor, row: typeof frontierFacilities.$inferInsert): Promise<FacilityRow> {
  const [r] = await db.insert(frontierFacilities).values(row).returning();
  return r!;
}

export async function updateFacility(db: Executor, id: string, set: Partial<typeof frontierFacilities.$inferInsert>): Promise<FacilityRow> {
  const [r] = await db.update(frontierFacilities).set(set).where(eq(frontierFacilities.id, id)).returning();
  return r!;
}

export async function findVisibleFacility(db: Executor, viewer: Viewer, id: string, lock = false): Promise<FacilityRow | null> {
  const q = db
    .select()
    .from(frontierFacilities)
    .where(and(eq(frontierFacilities.id, id), visibleTo(viewer, frontierFacilities)));
  const [r] = lock ? await q.for('update') : await q;
  return r ?? null;
}

export async function findVisibleFacilities(db: Executor, viewer: Viewer, ids: readonly string[]): Promise<Map<string, FacilityRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select()
    .from(frontierFacilities)
    .where(and(inArray(frontierFacilities.id, [...ids]), visibleTo(viewer, frontierFacilities)));
  return new Map(rows.map((r) => [r.id, r]));
}

export interface FacilityFilter {
  readonly country?: string | undefined;
  readonly status?: string | undefined;
  readonly ownerOrganisationId?: string | undefined;
}

export async function listVisibleFacilities(db: Executor, viewer: Viewer, f: FacilityFilter, limit: number, offset: number) {
  const where = and(
    visibleTo(viewer, frontierFacilities),
    f.country ? and(eq(frontierFacilities.country, f.country), locationVisibleTo(viewer)) : undefined,
    f.status ? eq(frontierFacilities.status, f.status) : undefined,
    f.ownerOrganisationId ? eq(frontierFacilities.ownerOrganisationId, f.ownerOrganisationId) : undefined,
  );
  const [items, [c]] = await Promise.all([
    db.select().from(frontierFacilities).where(where).orderBy(desc(frontierFacilities.createdAt), desc(frontierFacilities.id)).limit(limit).offset(offset),
    db.select({ n: count() }).from(frontierFacilities).where(where),
  ]);
  return { items, total: Number(c?.n ?? 0) };
}

export async function insertCluster(db: Executor, row: typeof frontierClusters.$inferInsert): Promise<ClusterRow> {
  const [r] = await db.insert(frontierClusters).values(row).returning();
  return r!;
}

export async function updateCluster(db: Executor, id: string, set: Partial<typeof frontierClusters.$inferInsert>): Promise<ClusterRow> {
  const [r] = await db.update(frontierClusters).set(set).where(eq(frontierClusters.id, id)).returning();
  return r!;
}

export async function findVisibleCluster(db: Executor, viewer: Viewer, id: string, lock = false): Promise<ClusterRow | null> {
  const q = db
    .select()
    .from(frontierClusters)
    .where(and(eq(frontierClusters.id, id), visibleTo(viewer, frontierClusters)));
  const [r] = lock ? await q.for('update') : await q;
  return r ?? null;
}

export async function findVisibleClusters(db: Executor, viewer: Viewer, ids: readonly string[]): Promise<Map<string, ClusterRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select()
    .from(frontierClusters)
    .where(and(inArray(frontierClusters.id, [...ids]), visibleTo(viewer, frontierClusters)));
  return new Map(rows.map((r) => [r.id, r]));
}

export interface ClusterFilter {
  readonly facilityId?: string | undefined;
  readonly status?: string | undefined;
  readonly ownerOrganisationId?: string | undefined;
  /** `true`: flagged by any rule; a rule id: flagged by that rule (any version). */
  readonly reportable?: boolean | string | undefined;
}

export async function listVisibleClusters(db: Executor, viewer: Viewer, f: ClusterFilter, limit: number, offset: number) {
  const flagged =
    f.reportable === true
      ? sql`cardinality(${frontierClusters.reportable}) > 0`
      : f.reportable === false
        ? sql`cardinality(${frontierClusters.reportable}) = 0`
        : typeof f.reportable === 'string'
          ? sql`exists (select 1 from unnest(${frontierClusters.reportable}) as flag where split_part(flag, '@', 1) = ${f.reportable})`
          : undefined;
  const where = and(
    visibleTo(viewer, frontierClusters),
    f.facilityId ? eq(frontierClusters.facilityId, f.facilityId) : undefined,
    f.status ? eq(frontierClusters.status, f.status) : undefined,
    f.ownerOrganisationId ? eq(frontierClusters.ownerOrganisationId, f.ownerOrganisationId) : undefined,
    flagged,
  );
  const [items, [c]] = await Promise.all([
    db.select().from(frontierClusters).where(where).orderBy(desc(frontierClusters.createdAt), desc(frontierClusters.id)).limit(limit).offset(offset),
    db.select({ n: count() }).from(frontierClusters).where(where),
  ]);
  return { items, total: Number(c?.n ?? 0) };
}

export async function findRunByName(db: Executor, versionId: string, name: string, lock = false): Promise<TrainingRunRow | null> {
  const q = db
    .select()
    .from(frontierTrainingRuns)
    .where(and(eq(frontierTrainingRuns.versionId, versionId), eq(frontierTrainingRuns.name, name)));
  const [r] = lock ? await q.for('update') : await q;
  return r ?? null;
}

export async function insertRun(db: Executor, row: typeof frontierTrainingRuns.$inferInsert): Promise<TrainingRunRow> {
  const [r] = await db.insert(frontierTrainingRuns).values(row).returning();
  return r!;
}

export async function updateRun(db: Executor, id: string, set: Partial<typeof frontierTrainingRuns.$inferInsert>): Promise<TrainingRunRow> {
  const [r] = await db.update(frontierTrainingRuns).set(set).where(eq(frontierTrainingRuns.id, id)).returning();
  return r!;
}

/** Every run of a version, whoever may see them (the system's sums for the facts). */
export async function runsOfVersion(db: Executor, versionId: string): Promise<TrainingRunRow[]> {
  return db.select().from(frontierTrainingRuns).where(eq(frontierTrainingRuns.versionId, versionId)).orderBy(asc(frontierTrainingRuns.createdAt));
}

export async function findVisibleRun(db: Executor, viewer: Viewer, id: string): Promise<TrainingRunRow | null> {
  const [r] = await db
    .select()
    .from(frontierTrainingRuns)
    .where(and(eq(frontierTrainingRuns.id, id), visibleTo(viewer, frontierTrainingRuns)));
  return r ?? null;
}

export async function listVisibleRuns(
  db: Executor,
  viewer: Viewer,
  f: { versionId?: string | undefined; clusterId?: string | undefined },
  limit: number,
  offset: number,
) {
  const where = and(
    visibleTo(viewer, frontierTrainingRuns),
    f.versionId ? eq(frontierTrainingRuns.versionId, f.versionId) : undefined,
    f.clusterId ? arrayOverlaps(frontierTrainingRuns.clusterIds, [f.clusterId]) : undefined,
  );
  const [items, [c]] = await Promise.all([
    db
      .select()
      .from(frontierTrainingRuns)
      .where(where)
      .orderBy(desc(frontierTrainingRuns.createdAt), desc(frontierTrainingRuns.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(frontierTrainingRuns).where(where),
  ]);
  return { items, total: Number(c?.n ?? 0) };
}

/** Records a crossing once; true when it is new (the caller then asks for a review). */
export async function recordCrossing(db: Executor, row: typeof frontierComputeCrossings.$inferInsert): Promise<boolean> {
  const r = await db.insert(frontierComputeCrossings).values(row).onConflictDoNothing().returning({ v: frontierComputeCrossings.versionId });
  return r.length > 0;
}
