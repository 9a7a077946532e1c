import { and, asc, desc, eq, lt, sql } from 'drizzle-orm';
import type { Viewer } from '../../domain/policy/viewer';
import type { Executor } from '../database';
import {
  frontierAssessmentEngagements,
  frontierCheckpoints,
  frontierEvaluationLogs,
  frontierEvaluationRuns,
  frontierModels,
  frontierModelVersions,
} from '../schema/index';
import { visibleTo } from '../visibility';
import type { CheckpointRow } from './records';
import type { FrontierModelRow, FrontierVersionRow } from './versions';

export type EvaluationRunRow = typeof frontierEvaluationRuns.$inferSelect;
export type EvaluationLogRow = typeof frontierEvaluationLogs.$inferSelect;

/** A checkpoint with its version and model, all three visible to the viewer, or null. */
export async function findVisibleCheckpoint(
  db: Executor,
  viewer: Viewer,
  id: string,
): Promise<{ checkpoint: CheckpointRow; version: FrontierVersionRow; model: FrontierModelRow } | null> {
  const [r] = await db
    .select({ checkpoint: frontierCheckpoints, version: frontierModelVersions, model: frontierModels })
    .from(frontierCheckpoints)
    .innerJoin(frontierModelVersions, eq(frontierModelVersions.id, frontierCheckpoints.versionId))
    .innerJoin(frontierModels, eq(frontierModels.id, frontierModelVersions.modelId))
    .where(
      and(eq(frontierCheckpoints.id, id), visibleTo(viewer, frontierCheckpoints), visibleTo(viewer, frontierModelVersions), visibleTo(viewer, frontierModels)),
    );
  return r ?? null;
}

/**
 * A checkpoint an assessment engagement relies on, with its version and model, for a party of
 * that engagement: the engagement must be visible to the viewer (the policy's predicate) and
 * list the checkpoint among those it relies on (ADR 0102, "Runs of an engagement"). The
 * developer named those checkpoints when it commissioned the assessment or agreed to it, so the
 * assessor may test them without seeing the developer's registry; the rows are read only to
 * derive the run's marking, and the run names them by id.
 */
export async function findCheckpointOfEngagement(
  db: Executor,
  viewer: Viewer,
  engagementId: string,
  checkpointId: string,
): Promise<{ checkpoint: CheckpointRow; version: FrontierVersionRow; model: FrontierModelRow } | null> {
  const e = frontierAssessmentEngagements;
  const [r] = await db
    .select({ checkpoint: frontierCheckpoints, version: frontierModelVersions, model: frontierModels })
    .from(e)
    .innerJoin(frontierCheckpoints, and(eq(frontierCheckpoints.id, checkpointId), eq(frontierCheckpoints.versionId, e.versionId)))
    .innerJoin(frontierModelVersions, eq(frontierModelVersions.id, frontierCheckpoints.versionId))
    .innerJoin(frontierModels, eq(frontierModels.id, frontierModelVersions.modelId))
    .where(and(eq(e.id, engagementId), visibleTo(viewer, e), sql`${frontierCheckpoints.id} = any(${e.checkpointIds})`));
  return r ?? null;
}

/** The stored log of these bytes (by `sha256:<hex>`), or null. Logs carry no marking: callers reach them through a visible run. */
export async function findLogByHash(db: Executor, sha256: string): Promise<EvaluationLogRow | null> {
  const [r] = await db.select().from(frontierEvaluationLogs).where(eq(frontierEvaluationLogs.sha256, sha256));
  return r ?? null;
}

/** Stores a log's bytes unless the same content is stored already (a concurrent import); answers the stored row. */
export async function insertLogOnce(db: Executor, row: typeof frontierEvaluationLogs.$inferInsert): Promise<EvaluationLogRow> {
  await db.insert(frontierEvaluationLogs).values(row).onConflictDoNothing({ target: frontierEvaluationLogs.sha256 });
  return (await findLogByHash(db, row.sha256))!;
}

export async function findLog(db: Executor, id: string): Promise<EvaluationLogRow | null> {
  const [r] = await db.select().from(frontierEvaluationLogs).where(eq(frontierEvaluationLogs.id, id));
  return r ?? null;
}

/** The oldest run of a log the viewer may see, or null. */
export async function findVisibleRunOfLog(db: Executor, viewer: Viewer, logId: string): Promise<EvaluationRunRow | null> {
  const [r] = await db
    .select()
    .from(frontierEvaluationRuns)
    .where(and(eq(frontierEvaluationRuns.logId, logId), visibleTo(viewer, frontierEvaluationRuns)))
    .orderBy(asc(frontierEvaluationRuns.id))
    .limit(1);
  return r ?? null;
}

export async function insertRun(db: Executor, row: typeof frontierEvaluationRuns.$inferInsert): Promise<EvaluationRunRow> {
  const [r] = await db.insert(frontierEvaluationRuns).values(row).returning();
  return r!;
}

export async function findVisibleRun(db: Executor, viewer: Viewer, id: string): Promise<EvaluationRunRow | null> {
  const [r] = await db
    .select()
    .from(frontierEvaluationRuns)
    .where(and(eq(frontierEvaluationRuns.id, id), visibleTo(viewer, frontierEvaluationRuns)));
  return r ?? null;
}

export interface RunFilter {
  readonly modelId?: string | undefined;
  readonly versionId?: string | undefined;
  readonly checkpointId?: string | undefined;
  readonly task?: string | undefined;
  /** Keyset: runs older than this run id (ids are UUIDv7, so id order is import order). */
  readonly after?: string | undefined;
  readonly limit: number;
}

/** The runs the viewer may see, newest first, one page after `after`, and the cursor of the next page. */
export async function listVisibleRuns(db: Executor, viewer: Viewer, f: RunFilter): Promise<{ items: EvaluationRunRow[]; next: string | null }> {
  const r = frontierEvaluationRuns;
  const rows = await db
    .select()
    .from(r)
    .where(
      and(
        visibleTo(viewer, r),
        f.modelId ? eq(r.modelId, f.modelId) : undefined,
        f.versionId ? eq(r.versionId, f.versionId) : undefined,
        f.checkpointId ? eq(r.checkpointId, f.checkpointId) : undefined,
        f.task ? eq(r.task, f.task) : undefined,
        f.after ? lt(r.id, f.after) : undefined,
      ),
    )
    .orderBy(desc(r.id))
    .limit(f.limit + 1);
  const items = rows.slice(0, f.limit);
  return { items, next: rows.length > f.limit ? items.at(-1)!.id : null };
}

/**
 * Every visible run of one task on one model, with its checkpoint and version (both visible),
 * in checkpoint order (their registration), then import order: the series of a chart.
 */
export async function runsOfTask(
  db: Executor,
  viewer: Viewer,
  modelId: string,
  task: string,
  limit: number,
): Promise<{ run: EvaluationRunRow; checkpoint: CheckpointRow; version: FrontierVersionRow }[]> {
  return db
    .select({ run: frontierEvaluationRuns, checkpoint: frontierCheckpoints, version: frontierModelVersions })
    .from(frontierEvaluationRuns)
    .innerJoin(frontierCheckpoints, eq(frontierCheckpoints.id, frontierEvaluationRuns.checkpointId))
    .innerJoin(frontierModelVersions, eq(frontierModelVersions.id, frontierEvaluationRuns.versionId))
    .where(
      and(
        eq(frontierEvaluationRuns.modelId, modelId),
        eq(frontierEvaluationRuns.task, task),
        visibleTo(viewer, frontierEvaluationRuns),
        visibleTo(viewer, frontierCheckpoints),
        visibleTo(viewer, frontierModelVersions),
      ),
    )
    .orderBy(asc(frontierCheckpoints.createdAt), asc(frontierCheckpoints.id), asc(frontierEvaluationRuns.id))
    .limit(limit);
}
