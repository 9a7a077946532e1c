import { acceleratorFigures, ACCELERATOR_CATALOGUE, COMPUTE_RULES_VERSION } from '../../domain/frontier/accelerators';
import { clusterExportClasses } from '../../domain/frontier/cluster-export';
import { CLUSTER_RULES, clusterFigures } from '../../domain/frontier/cluster-rules';
import type { LocationDisclosure } from '../../domain/frontier/compute-vocabulary';
import { canSeeFacilityLocation } from '../../domain/policy/compute-location';
import type { Viewer } from '../../domain/policy/viewer';
import type { ClusterRow, FacilityRow, TrainingRunRow } from '../../store/frontier/compute';
import { markingOf } from '../../store/visibility';
import { markingView } from '../markings';

/** The catalogue as the API and the CLI show it: every chip with its TPP, performance density and ECCN. */
export const acceleratorCatalogue = () => ({
  version: ACCELERATOR_CATALOGUE.version,
  rulesVersion: COMPUTE_RULES_VERSION,
  unit: ACCELERATOR_CATALOGUE.unit,
  note: ACCELERATOR_CATALOGUE.note,
  accelerators: ACCELERATOR_CATALOGUE.accelerators.map((a) => acceleratorFigures(a)),
  clusterRules: CLUSTER_RULES.map((r) => ({ ...r })),
});

/**
 * A facility as `viewer` sees it: the location (country, region, site) only when the policy's
 * location rule lets them (null otherwise, with `locationHidden: true`).
 */
export function facilityView(f: FacilityRow, viewer: Viewer) {
  const marking = markingOf(f);
  const shown = canSeeFacilityLocation(viewer, marking, f.locationDisclosure as LocationDisclosure);
  return {
    id: f.id,
    name: f.name,
    operatorOrganisationId: f.operatorOrganisationId,
    operatorName: f.operatorName,
    country: shown ? f.country : null,
    region: shown ? f.region : null,
    site: shown ? f.site : null,
    locationHidden: !shown,
    locationDisclosure: f.locationDisclosure as LocationDisclosure,
    powerCapacityMw: f.powerCapacityMw,
    status: f.status,
    marking: markingView(marking),
    createdAt: f.createdAt.toISOString(),
    updatedAt: f.updatedAt.toISOString(),
  };
}
export type FacilityView = ReturnType<typeof facilityView>;

/** A cluster with its figures computed now (rules of this release) and the flags stored when it was saved. */
export function clusterView(c: ClusterRow) {
  const figures = clusterFigures(c.inventory, c.interconnectGbps);
  return {
    id: c.id,
    facilityId: c.facilityId,
    name: c.name,
    inventory: c.inventory.map((l) => ({ acceleratorId: l.acceleratorId, count: l.count })),
    interconnectGbps: c.interconnectGbps,
    status: c.status,
    firstOperationalOn: c.firstOperationalOn,
    peakOpsPerSecond: { ...figures.peakOpsPerSecond },
    h100Equivalents: figures.h100Equivalents,
    reportable: figures.reportable.map((f) => ({ ...f })),
    rulesVersion: figures.rulesVersion,
    export: clusterExportClasses(c.inventory),
    marking: markingView(markingOf(c)),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}
export type ClusterView = ReturnType<typeof clusterView>;

export function trainingRunView(r: TrainingRunRow) {
  return {
    id: r.id,
    versionId: r.versionId,
    name: r.name,
    clusterIds: [...r.clusterIds],
    startedAt: r.startedAt?.toISOString() ?? null,
    endedAt: r.endedAt?.toISOString() ?? null,
    flop: { pretraining: r.flopPretraining, fineTuning: r.flopFineTuning, reinforcementLearning: r.flopReinforcementLearning, other: r.flopOther },
    marking: markingView(markingOf(r)),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
export type TrainingRunView = ReturnType<typeof trainingRunView>;
