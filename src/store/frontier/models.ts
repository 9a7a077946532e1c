import { and, asc, count, desc, eq, ilike, inArray, or } from 'drizzle-orm';
import type { Viewer } from '../../domain/policy/viewer';
import type { Executor } from '../database';
import { frontierModels, frontierModelVersions } from '../schema/index';
import { visibleTo } from '../visibility';
import type { FrontierModelRow, FrontierVersionRow } from './versions';
import { refreshScheduledAccessOfVersion } from './scheduled-access';
import { containsPattern } from '../like';

/** A model the viewer may see, or null (an invisible model and a missing one look the same). */
export async function findVisibleModel(db: Executor, viewer: Viewer, id: string, lock = false): Promise<FrontierModelRow | null> {
  const q = db
    .select()
    .from(frontierModels)
    .where(and(eq(frontierModels.id, id), visibleTo(viewer, frontierModels)));
  const [r] = lock ? await q.for('update') : await q;
  return r ?? null;
}

export interface ModelFilter {
  readonly q?: string | undefined;
  readonly family?: string | undefined;
  readonly limit: number;
  readonly offset: number;
}

const modelWhere = (viewer: Viewer, f: Omit<ModelFilter, 'limit' | 'offset'>) => {
  const like = f.q ? containsPattern(f.q) : undefined;
  return and(
    visibleTo(viewer, frontierModels),
    f.family ? eq(frontierModels.family, f.family) : undefined,
    like ? or(ilike(frontierModels.name, like), ilike(frontierModels.description, like)) : undefined,
  );
};

/** The models the viewer may see, newest first, with their count (the same filter for both). */
export async function listVisibleModels(db: Executor, viewer: Viewer, f: ModelFilter): Promise<{ items: FrontierModelRow[]; total: number }> {
  const where = modelWhere(viewer, f);
  const [items, [total]] = await Promise.all([
    db.select().from(frontierModels).where(where).orderBy(desc(frontierModels.createdAt), desc(frontierModels.id)).limit(f.limit).offset(f.offset),
    db.select({ n: count() }).from(frontierModels).where(where),
  ]);
  return { items, total: Number(total?.n ?? 0) };
}

export async function countVisibleModels(db: Executor, viewer: Viewer, f: Omit<ModelFilter, 'limit' | 'offset'> = {}): Promise<number> {
  const [r] = await db.select({ n: count() }).from(frontierModels).where(modelWhere(viewer, f));
  return Number(r?.n ?? 0);
}

export async function insertModel(db: Executor, row: typeof frontierModels.$inferInsert): Promise<FrontierModelRow> {
  const [r] = await db.insert(frontierModels).values(row).returning();
  return r!;
}

export async function updateModel(db: Executor, id: string, set: Partial<typeof frontierModels.$inferInsert>): Promise<FrontierModelRow> {
  const [r] = await db.update(frontierModels).set(set).where(eq(frontierModels.id, id)).returning();
  return r!;
}

/** The versions of a model the viewer may see, oldest first. */
export async function listVisibleVersions(db: Executor, viewer: Viewer, modelId: string): Promise<FrontierVersionRow[]> {
  return db
    .select()
    .from(frontierModelVersions)
    .where(and(eq(frontierModelVersions.modelId, modelId), visibleTo(viewer, frontierModelVersions)))
    .orderBy(asc(frontierModelVersions.createdAt), asc(frontierModelVersions.id));
}

/** Locks a visible version (and reads its visible model) for an update in the caller's transaction. */
export async function lockVisibleVersion(db: Executor, viewer: Viewer, id: string): Promise<{ version: FrontierVersionRow; model: FrontierModelRow } | null> {
  const [r] = await db
    .select({ version: frontierModelVersions, model: frontierModels })
    .from(frontierModelVersions)
    .innerJoin(frontierModels, eq(frontierModels.id, frontierModelVersions.modelId))
    .where(and(eq(frontierModelVersions.id, id), visibleTo(viewer, frontierModelVersions), visibleTo(viewer, frontierModels)))
    .for('update', { of: frontierModelVersions });
  return r ?? null;
}

export async function insertVersion(db: Executor, row: typeof frontierModelVersions.$inferInsert): Promise<FrontierVersionRow> {
  const [r] = await db.insert(frontierModelVersions).values(row).returning();
  return r!;
}

export async function updateVersion(db: Executor, id: string, set: Partial<typeof frontierModelVersions.$inferInsert>): Promise<FrontierVersionRow> {
  const [r] = await db.update(frontierModelVersions).set(set).where(eq(frontierModelVersions.id, id)).returning();
  // the release dates are inputs of the plan's cached scheduled days (ADR 0097)
  if ('plannedTrustedPartnerRelease' in set || 'plannedGeneralRelease' in set) await refreshScheduledAccessOfVersion(db, id);
  return r!;
}

/** Version rows by id, whoever may see them (the system's re-evaluation). */
export async function versionRows(db: Executor, ids: readonly string[]): Promise<FrontierVersionRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(frontierModelVersions)
    .where(inArray(frontierModelVersions.id, [...ids]))
    .orderBy(asc(frontierModelVersions.id));
}
