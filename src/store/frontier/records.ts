import { and, asc, eq, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Viewer } from '../../domain/policy/viewer';
import type { Executor } from '../database';
import { frontierCheckpoints, frontierDesignations, frontierFacts, frontierLineage, frontierModelVersions } from '../schema/index';
import { visibleTo } from '../visibility';

export type CheckpointRow = typeof frontierCheckpoints.$inferSelect;
export type LineageRow = typeof frontierLineage.$inferSelect;
export type FactRow = typeof frontierFacts.$inferSelect;

/** The checkpoints of a version the viewer may see, oldest first. */
export async function listVisibleCheckpoints(db: Executor, viewer: Viewer, versionId: string): Promise<CheckpointRow[]> {
  return db
    .select()
    .from(frontierCheckpoints)
    .where(and(eq(frontierCheckpoints.versionId, versionId), visibleTo(viewer, frontierCheckpoints)))
    .orderBy(asc(frontierCheckpoints.createdAt), asc(frontierCheckpoints.id));
}

export async function insertCheckpoint(db: Executor, row: typeof frontierCheckpoints.$inferInsert): Promise<CheckpointRow> {
  const [r] = await db.insert(frontierCheckpoints).values(row).returning();
  return r!;
}

/**
 * The lineage edges of a version the viewer may see, both ways: its parents and its children.
 * An edge shows only when the viewer may also see the version at its other end.
 */
export async function listVisibleLineage(db: Executor, viewer: Viewer, versionId: string): Promise<{ parents: LineageRow[]; children: LineageRow[] }> {
  const other = (col: PgColumn) =>
    sql`exists (select 1 from ${frontierModelVersions} where ${frontierModelVersions.id} = ${col} and ${visibleTo(viewer, frontierModelVersions)})`;
  const [parents, children] = await Promise.all([
    db
      .select()
      .from(frontierLineage)
      .where(and(eq(frontierLineage.versionId, versionId), visibleTo(viewer, frontierLineage), other(frontierLineage.parentVersionId)))
      .orderBy(asc(frontierLineage.createdAt), asc(frontierLineage.id)),
    db
      .select()
      .from(frontierLineage)
      .where(and(eq(frontierLineage.parentVersionId, versionId), visibleTo(viewer, frontierLineage), other(frontierLineage.versionId)))
      .orderBy(asc(frontierLineage.createdAt), asc(frontierLineage.id)),
  ]);
  return { parents, children };
}

/** Every ancestor of a version along parent edges, whoever may see them (for the cycle check only). */
export async function ancestorIds(db: Executor, versionId: string): Promise<string[]> {
  const rows = await db.execute<{ id: string }>(sql`
    with recursive up(id) as (
      select ${frontierLineage.parentVersionId} from ${frontierLineage} where ${frontierLineage.versionId} = ${versionId}
      union
      select l.parent_version_id from frontier_lineage l join up on l.version_id = up.id
    )
    select id::text as id from up`);
  return (Array.isArray(rows) ? rows : (rows as { rows: { id: string }[] }).rows).map((r) => r.id);
}

export async function insertLineage(db: Executor, row: typeof frontierLineage.$inferInsert): Promise<LineageRow> {
  const [r] = await db.insert(frontierLineage).values(row).returning();
  return r!;
}

/** The facts of a version the viewer may see (every declaration, oldest first), of one key when given. */
export async function listVisibleFacts(db: Executor, viewer: Viewer, versionId: string, key?: string): Promise<FactRow[]> {
  return db
    .select()
    .from(frontierFacts)
    .where(and(eq(frontierFacts.versionId, versionId), key ? eq(frontierFacts.key, key) : undefined, visibleTo(viewer, frontierFacts)))
    .orderBy(asc(frontierFacts.recordedAt), asc(frontierFacts.id));
}

export async function insertFacts(db: Executor, rows: (typeof frontierFacts.$inferInsert)[]): Promise<FactRow[]> {
  if (rows.length === 0) return [];
  return db.insert(frontierFacts).values(rows).returning();
}

/** Whether a version's developer-facing designation outcome is `designated` (read by the system: a trigger, not a disclosure). */
export async function isDesignated(db: Executor, versionId: string): Promise<boolean> {
  const [r] = await db
    .select({ outcome: frontierDesignations.outcome })
    .from(frontierDesignations)
    .where(and(eq(frontierDesignations.versionId, versionId), eq(frontierDesignations.outcome, 'designated')));
  return !!r;
}
