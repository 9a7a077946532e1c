import type { Principal } from '../../src/domain/identity/principal';
import type { Clearance } from '../../src/domain/policy/marking';
import type { ServiceContext } from '../../src/services/context';
import { setDesignationSettings } from '../../src/services/frontier/designation-settings';
import { frontierModels, frontierModelVersions } from '../../src/store/schema/index';
import { markingRow } from '../../src/store/visibility';
import { makePrincipal } from '../helpers/factories';

let n = 0;

/**
 * A model and one version of it, developed by `developer`'s organisation and shared with the
 * coordinators (AMBER+STRICT), as the registry marks them. Written as rows: the registry's
 * services live on another branch (f-registry); the designation needs only a version to exist.
 */
export async function makeFrontierVersion(ctx: ServiceContext, developer: Principal): Promise<{ modelId: string; versionId: string }> {
  const now = ctx.now();
  const marking = markingRow({
    ownerOrganisationId: developer.organisationId,
    createdBy: developer.userId,
    tlp: 'AMBER+STRICT',
    classification: 'UNCLASSIFIED',
    accessOrganisations: [],
    accessUsers: [],
    coordinators: true,
  });
  const modelId = ctx.newId();
  const versionId = ctx.newId();
  await ctx.db.insert(frontierModels).values({ id: modelId, name: `model-${++n}-${modelId.slice(-6)}`, ...marking, createdAt: now, updatedAt: now });
  await ctx.db.insert(frontierModelVersions).values({ id: versionId, modelId, version: '1.0', ...marking, createdAt: now, updatedAt: now });
  return { modelId, versionId };
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
