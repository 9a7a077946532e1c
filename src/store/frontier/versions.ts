import { and, count, desc, eq, ilike, inArray, or } from 'drizzle-orm';
import type { Viewer } from '../../domain/policy/viewer';
import type { Executor } from '../database';
import { frontierModels, frontierModelVersions } from '../schema/index';
import { visibleTo } from '../visibility';
import { containsPattern } from '../like';

export type FrontierModelRow = typeof frontierModels.$inferSelect;
export type FrontierVersionRow = typeof frontierModelVersions.$inferSelect;

/**
 * A model version the viewer may see, with its model (also visible), or null: an invisible
 * version and a missing one look the same. Every frontier use case starts here.
 */
export async function findVisibleVersion(db: Executor, viewer: Viewer, id: string): Promise<{ version: FrontierVersionRow; model: FrontierModelRow } | null> {
  const [r] = await db
    .select({ version: frontierModelVersions, model: frontierModels })
    .from(frontierModelVersions)
    .innerJoin(frontierModels, eq(frontierModels.id, frontierModelVersions.modelId))
    .where(and(eq(frontierModelVersions.id, id), visibleTo(viewer, frontierModelVersions), visibleTo(viewer, frontierModels)));
  return r ?? null;
}

/** These versions (with their models) as `findVisibleVersion` answers them, by id: one query for a page. */
export async function findVisibleVersions(
  db: Executor,
  viewer: Viewer,
  ids: readonly string[],
): Promise<Map<string, { version: FrontierVersionRow; model: FrontierModelRow }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ version: frontierModelVersions, model: frontierModels })
    .from(frontierModelVersions)
    .innerJoin(frontierModels, eq(frontierModels.id, frontierModelVersions.modelId))
    .where(and(inArray(frontierModelVersions.id, [...ids]), visibleTo(viewer, frontierModelVersions), visibleTo(viewer, frontierModels)));
  return new Map(rows.map((r) => [r.version.id, r]));
}

export interface VersionFilter {
  /** Part of the model's name or of the version label. */
  readonly q?: string | undefined;
  readonly limit: number;
  readonly offset: number;
}

/**
 * Versions across models the viewer may see (the version and its model both visible), newest
 * first, with their count under the same filter: the pickers' list (lineage parents, training runs).
 */
export async function searchVisibleVersions(
  db: Executor,
  viewer: Viewer,
  f: VersionFilter,
): Promise<{ items: { version: FrontierVersionRow; model: FrontierModelRow }[]; total: number }> {
  const like = f.q ? containsPattern(f.q) : undefined;
  const where = and(
    visibleTo(viewer, frontierModelVersions),
    visibleTo(viewer, frontierModels),
    like ? or(ilike(frontierModels.name, like), ilike(frontierModelVersions.version, like)) : undefined,
  );
  const [items, [total]] = await Promise.all([
    db
      .select({ version: frontierModelVersions, model: frontierModels })
      .from(frontierModelVersions)
      .innerJoin(frontierModels, eq(frontierModels.id, frontierModelVersions.modelId))
      .where(where)
      .orderBy(desc(frontierModelVersions.createdAt), desc(frontierModelVersions.id))
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: count() }).from(frontierModelVersions).innerJoin(frontierModels, eq(frontierModels.id, frontierModelVersions.modelId)).where(where),
  ]);
  return { items, total: Number(total?.n ?? 0) };
}
