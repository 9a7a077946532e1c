import { notFound } from '../../domain/errors';
import type { Viewer } from '../../domain/policy/viewer';
import { currentFacts } from '../../domain/frontier/registry-checks';
import { listVisibleCheckpoints, listVisibleFacts, listVisibleLineage } from '../../store/frontier/records';
import { findVisibleVersion, searchVisibleVersions, type VersionFilter } from '../../store/frontier/versions';
import type { ServiceContext } from '../context';
import { checkpointView, factView, lineageView, modelView, versionView } from './views';

/** One version as its page shows it: the version, its model, checkpoints, lineage and current facts. */
export async function getVersion(ctx: ServiceContext, viewer: Viewer, id: string) {
  const found = await findVisibleVersion(ctx.db, viewer, id);
  if (!found) throw notFound('Version');
  const [checkpoints, lineage, facts] = await Promise.all([
    listVisibleCheckpoints(ctx.db, viewer, id),
    listVisibleLineage(ctx.db, viewer, id),
    listVisibleFacts(ctx.db, viewer, id),
  ]);
  return {
    ...versionView(found.version),
    model: modelView(found.model),
    checkpoints: checkpoints.map(checkpointView),
    lineage: { parents: lineage.parents.map(lineageView), children: lineage.children.map(lineageView) },
    facts: currentFacts(facts).map(factView),
  };
}
export type VersionDetail = Awaited<ReturnType<typeof getVersion>>;

/** Versions across the models the caller may see, newest first, each with its model's name. */
export async function searchVersions(ctx: ServiceContext, viewer: Viewer, f: VersionFilter) {
  const { items, total } = await searchVisibleVersions(ctx.db, viewer, f);
  return { items: items.map((r) => ({ ...versionView(r.version), modelName: r.model.name })), total };
}
