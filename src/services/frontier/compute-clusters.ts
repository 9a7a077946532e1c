import { AppError, notFound } from '../../domain/errors';
import { clusterProblems } from '../../domain/frontier/compute-checks';
import { clusterFigures, type InventoryLine } from '../../domain/frontier/cluster-rules';
import type { ClusterStatus } from '../../domain/frontier/compute-vocabulary';
import { type Principal, viewerOf } from '../../domain/identity/principal';
import { can } from '../../domain/policy/actions';
import type { Viewer } from '../../domain/policy/viewer';
import {
  type ClusterFilter,
  type ClusterRow,
  findVisibleCluster,
  findVisibleFacility,
  insertCluster,
  listVisibleClusters,
  updateCluster,
} from '../../store/frontier/compute';
import { markingOf, markingRow } from '../../store/visibility';
import { actorOf } from '../actor';
import type { ServiceContext } from '../context';
import { write } from '../unit-of-work';
import { clusterView, type ClusterView } from './compute-views';

export interface ClusterInput {
  readonly facilityId: string;
  readonly name: string;
  readonly inventory: readonly InventoryLine[];
  readonly interconnectGbps?: number | null | undefined;
  readonly status: ClusterStatus;
  readonly firstOperationalOn?: string | null | undefined;
}
export type ClusterPatch = Partial<Omit<ClusterInput, 'facilityId'>>;

/** Computed figures as stored columns (the list filters on them), with the rules version that computed them. */
function computed(inventory: readonly InventoryLine[], interconnectGbps: number | null) {
  const f = clusterFigures(inventory, interconnectGbps);
  return {
    peakOpsPerSecond: f.peakOpsPerSecond.max,
    h100Equivalents: f.h100Equivalents,
    reportable: f.reportable.map((r) => `${r.rule}@${r.version}`),
    rulesVersion: f.rulesVersion,
  };
}

/** Events carry the figures and flags — what a subscriber acts on — and no location. */
const eventData = (c: ClusterRow) => ({
  id: c.id,
  facilityId: c.facilityId,
  status: c.status,
  peakOpsPerSecond: c.peakOpsPerSecond,
  h100Equivalents: c.h100Equivalents,
  reportable: [...c.reportable],
  rulesVersion: c.rulesVersion,
});

/**
 * Registers a cluster in a facility the caller's organisation owns (its writers): the inventory
 * is checked line by line (unknown chip types are named with the known ones), the figures and
 * reportable flags computed, and the cluster marked like its facility.
 */
export async function registerCluster(ctx: ServiceContext, p: Principal, input: ClusterInput): Promise<ClusterView> {
  const problems = clusterProblems(input);
  return write(ctx, actorOf(p), async (tx, record) => {
    const facility = await findVisibleFacility(tx, viewerOf(p), input.facilityId, true);
    if (!facility) throw new AppError('VALIDATION', 'The cluster is not valid', [...problems, { path: '/facilityId', message: 'no such facility' }]);
    if (!can(p, 'frontier.register-compute', { organisationId: facility.ownerOrganisationId }))
      throw new AppError('FORBIDDEN', "Only a writer of the facility's owner registers its clusters");
    if (problems.length) throw new AppError('VALIDATION', 'The cluster is not valid', problems);
    const marking = markingOf(facility);
    const now = ctx.now();
    const inventory = input.inventory.map((l) => ({ acceleratorId: l.acceleratorId, count: l.count }));
    const interconnectGbps = input.interconnectGbps ?? null;
    const c = await insertCluster(tx, {
      id: ctx.newId(),
      facilityId: facility.id,
      name: input.name,
      inventory,
      interconnectGbps,
      status: input.status,
      firstOperationalOn: input.firstOperationalOn ?? null,
      ...computed(inventory, interconnectGbps),
      ...markingRow(marking),
      createdAt: now,
      updatedAt: now,
    });
    record({ action: 'frontier_cluster.registered', recordType: 'frontier_cluster', recordId: c.id, before: null, after: c, marking, data: eventData(c) });
    return clusterView(c);
  });
}

/** Changes a cluster (inventory, interconnect, status): figures and flags are computed again. */
export async function changeCluster(ctx: ServiceContext, p: Principal, id: string, patch: ClusterPatch): Promise<ClusterView> {
  return write(ctx, actorOf(p), async (tx, record) => {
    const c = await findVisibleCluster(tx, viewerOf(p), id, true);
    if (!c) throw notFound('Cluster');
    if (!can(p, 'frontier.register-compute', { organisationId: c.ownerOrganisationId }))
      throw new AppError('FORBIDDEN', "Only a writer of the cluster's owner changes it");
    const inventory = patch.inventory ? patch.inventory.map((l) => ({ acceleratorId: l.acceleratorId, count: l.count })) : c.inventory;
    const interconnectGbps = patch.interconnectGbps !== undefined ? patch.interconnectGbps : c.interconnectGbps;
    const problems = clusterProblems({ inventory, interconnectGbps });
    if (problems.length) throw new AppError('VALIDATION', 'The cluster is not valid', problems);
    const after = await updateCluster(tx, c.id, {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.status !== undefined ? { status: patch.status } : {}),
      ...(patch.firstOperationalOn !== undefined ? { firstOperationalOn: patch.firstOperationalOn } : {}),
      inventory,
      interconnectGbps,
      ...computed(inventory, interconnectGbps),
      updatedAt: ctx.now(),
    });
    record({
      action: 'frontier_cluster.updated',
      recordType: 'frontier_cluster',
      recordId: c.id,
      before: c,
      after,
      marking: markingOf(after),
      data: eventData(after),
    });
    return clusterView(after);
  });
}

export async function getCluster(ctx: ServiceContext, viewer: Viewer, id: string): Promise<ClusterView> {
  const c = await findVisibleCluster(ctx.db, viewer, id);
  if (!c) throw notFound('Cluster');
  return clusterView(c);
}

export async function listClusters(ctx: ServiceContext, viewer: Viewer, f: ClusterFilter, limit: number, offset: number) {
  const r = await listVisibleClusters(ctx.db, viewer, f, limit, offset);
  return { items: r.items.map(clusterView), total: r.total };
}
