import type { Principal } from '../../src/domain/identity/principal';
import type { Clearance } from '../../src/domain/policy/marking';
import type { ServiceContext } from '../../src/services/context';
import { setDesignationSettings } from '../../src/services/frontier/designation-settings';
import { createModel } from '../../src/services/frontier/models';
import { makePrincipal } from '../helpers/factories';

let n = 0;

/**
 * A model and one version of it, registered by `developer` through the registry (marked, by
 * default, for its organisation and the coordinators), with a training-compute fact so the
 * rule sets have something to say.
 */
export async function makeFrontierVersion(ctx: ServiceContext, developer: Principal): Promise<{ modelId: string; versionId: string }> {
  const model = await createModel(ctx, developer, {
    name: `model-${++n}-${Math.random().toString(36).slice(2, 6)}`,
    versions: [{ version: '1.0', facts: [{ key: 'trainingCompute.pretraining', value: 3e25, unit: 'FLOP', method: 'estimated' }] }],
  });
  return { modelId: model.id, versionId: model.versions[0]!.id };
}

/** A cleared analyst of the clearinghouse (coordinator staff) in `organisationId`. */
export const makeClearedAnalyst = (ctx: ServiceContext, organisationId: string, clearance: Clearance = 'SECRET', role: 'analyst' | 'admin' = 'analyst') =>
  makePrincipal(ctx, { organisationId, role, clearance });

/** Names the designation panel (by a platform admin). */
export const setPanel = (
  ctx: ServiceContext,
  platformAdmin: Principal,
  panel: readonly Principal[],
  classification: 'SECRET' | 'TOP_SECRET' | 'CONFIDENTIAL' = 'SECRET',
) => setDesignationSettings(ctx, platformAdmin, { classification, panelUserIds: panel.map((p) => p.userId) });
