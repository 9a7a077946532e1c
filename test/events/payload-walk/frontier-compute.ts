import { changeCluster, registerCluster } from '../../../src/services/frontier/compute-clusters';
import { changeFacility, registerFacility } from '../../../src/services/frontier/compute-facilities';
import { saveTrainingRun } from '../../../src/services/frontier/compute-runs';
import { createModel } from '../../../src/services/frontier/models';
import { makeOrganisation, makePrincipal } from '../../helpers/factories';
import type { Canaries } from './canaries';
import type { PayloadWorld } from './world';

/**
 * The compute registry: a cloud provider's facility (AMBER, shared with a lab and the
 * coordinators; its location restricted), a cluster in it, a lab's training run on it. The
 * facility's name and site, the cluster's name and the run's name are canaries: events carry ids,
 * statuses, figures and flags, never names or where a facility is.
 */
export async function frontierComputeEvents(w: PayloadWorld, c: Canaries): Promise<void> {
  const lab = w.vendors[0]!;
  const cloud = await makePrincipal(w.ctx, { organisationId: (await makeOrganisation(w.ctx, { kind: 'ai_developer' })).id });
  w.joined.push(cloud);
  const facility = await registerFacility(w.ctx, cloud, {
    name: 'CANARY-facility-name',
    country: 'US',
    region: 'US-TX',
    site: 'CANARY-facility-site',
    powerCapacityMw: 120,
    status: 'under_construction',
    marking: { tlp: 'AMBER', coordinators: true, access: { organisations: [lab.organisationId] } },
  });
  c.plant('CANARY-facility-name', facility.id);
  c.plant('CANARY-facility-site', facility.id);
  await changeFacility(w.ctx, cloud, facility.id, { status: 'operational', site: 'CANARY-facility-site-2' });
  c.plant('CANARY-facility-site-2', facility.id, 'latest');
  const cluster = await registerCluster(w.ctx, cloud, {
    facilityId: facility.id,
    name: 'CANARY-cluster-name',
    inventory: [{ acceleratorId: 'nvidia-h100-sxm', count: 100_000 }],
    interconnectGbps: 400,
    status: 'operational',
  });
  c.plant('CANARY-cluster-name', cluster.id);
  await changeCluster(w.ctx, cloud, cluster.id, { inventory: [{ acceleratorId: 'nvidia-gb200-gpu', count: 30_000 }] });
  const model = await createModel(w.ctx, lab, { name: 'compute-walk-model', versions: [{ version: '1.0' }] });
  const run = await saveTrainingRun(w.ctx, lab, {
    versionId: model.versions[0]!.id,
    name: 'CANARY-run-name',
    clusterIds: [cluster.id],
    flop: { pretraining: 2e25 },
  });
  c.plant('CANARY-run-name', run.id);
}
