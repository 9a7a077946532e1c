import type { Principal } from '../../src/domain/identity/principal';
import type { Marking } from '../../src/domain/policy/marking';
import type { ServiceContext } from '../../src/services/context';
import { frontierDesignations, frontierModels, frontierModelVersions } from '../../src/store/schema/index';
import { markingRow } from '../../src/store/visibility';
import { contextFor, type TestDatabase } from '../helpers/databases';
import { makeAnalyst, makeOrganisation, makePrincipal } from '../helpers/factories';

let n = 0;

/** A developer's version marking: the developer's organisation and the coordinators. */
export const versionMarking = (developerOrganisationId: string): Marking => ({
  ownerOrganisationId: developerOrganisationId,
  createdBy: null,
  tlp: 'AMBER+STRICT',
  classification: 'UNCLASSIFIED',
  accessOrganisations: [],
  accessUsers: [],
  coordinators: true,
});

/**
 * A model and a version of the developer's, with planned release dates, and — unless told
 * otherwise — its designation outcome row, as the designation helper writes it in production.
 */
export async function makeVersion(
  ctx: ServiceContext,
  developerOrganisationId: string,
  opts: { trustedPartner?: Date | null; general?: Date | null; outcome?: string | null } = {},
): Promise<string> {
  const now = ctx.now();
  const marking = markingRow(versionMarking(developerOrganisationId));
  const modelId = ctx.newId();
  await ctx.db
    .insert(frontierModels)
    .values({ id: modelId, name: `model-${++n}-${Math.random().toString(36).slice(2, 6)}`, ...marking, createdAt: now, updatedAt: now });
  const versionId = ctx.newId();
  await ctx.db.insert(frontierModelVersions).values({
    id: versionId,
    modelId,
    version: '1.0',
    plannedTrustedPartnerRelease: opts.trustedPartner ?? null,
    plannedGeneralRelease: opts.general === undefined ? new Date(now.getTime() + 60 * 86_400_000) : opts.general,
    ...marking,
    createdAt: now,
    updatedAt: now,
  });
  const outcome = opts.outcome === undefined ? 'designated' : opts.outcome;
  if (outcome) await ctx.db.insert(frontierDesignations).values({ versionId, outcome, decidedAt: now, ...marking, updatedAt: now });
  return versionId;
}

/** The people an access test needs: a developer's writer, coordinator staff and admin, a government agency, an operator, an outsider. */
export interface AccessWorld {
  readonly ctx: ReturnType<typeof contextFor>;
  readonly developer: Principal;
  readonly developerViewer: Principal;
  readonly analyst: Principal;
  readonly admin: Principal;
  readonly agency: Principal;
  readonly operator: Principal;
  readonly otherOperator: Principal;
  readonly outsider: Principal;
}

export async function accessWorld(t: TestDatabase): Promise<AccessWorld> {
  const ctx = contextFor(t.database);
  const dev = await makeOrganisation(ctx, { kind: 'ai_developer' });
  const developer = await makePrincipal(ctx, { organisationId: dev.id, role: 'member' });
  const developerViewer = await makePrincipal(ctx, { organisationId: dev.id, role: 'viewer' });
  const analyst = await makeAnalyst(ctx);
  const admin = { ...(await makePrincipal(ctx, { organisationId: analyst.organisationId, role: 'admin' })), coordinator: true };
  const agency = await makePrincipal(ctx, { organisationId: (await makeOrganisation(ctx, { kind: 'government_agency' })).id });
  const operator = await makePrincipal(ctx, {
    organisationId: (await makeOrganisation(ctx, { kind: 'critical_infrastructure_operator', sectors: ['energy'] })).id,
  });
  const otherOperator = await makePrincipal(ctx, {
    organisationId: (await makeOrganisation(ctx, { kind: 'critical_infrastructure_operator', sectors: ['water_and_wastewater', 'energy'] })).id,
  });
  const outsider = await makePrincipal(ctx, { organisationId: (await makeOrganisation(ctx, { kind: 'ai_developer' })).id });
  return { ctx, developer, developerViewer, analyst, admin, agency, operator, otherOperator, outsider };
}
