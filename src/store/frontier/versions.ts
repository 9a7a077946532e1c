import { and, eq, inArray } from 'drizzle-orm';
import type { Viewer } from '../../domain/policy/viewer';
import type { Executor } from '../database';
import { frontierModels, frontierModelVersions } from '../schema/index';
import { visibleTo } from '../visibility';

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
