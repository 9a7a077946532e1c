import type { Principal } from '../../src/domain/identity/principal';
import type { ServiceContext } from '../../src/services/context';
import { createEngagement, type EngagementInput } from '../../src/services/frontier/engagements';
import { contextFor, type TestDatabase } from '../helpers/databases';
import { makeAnalyst, makeOrganisation, makePrincipal } from '../helpers/factories';
import { makeVersion } from './access-world';

/** The people an assessment test needs: a developer, an assessor, clearinghouse staff (one cleared), an operator as partner, another lab. */
export interface EngagementWorld {
  readonly ctx: ReturnType<typeof contextFor>;
  readonly developer: Principal;
  readonly developerViewer: Principal;
  readonly assessor: Principal;
  readonly analyst: Principal;
  readonly clearedAnalyst: Principal;
  readonly otherAssessor: Principal;
  readonly otherLab: Principal;
  readonly versionId: string;
}

export async function makeEngagementPeople(ctx: ServiceContext) {
  const dev = await makeOrganisation(ctx, { kind: 'ai_developer' });
  const developer = await makePrincipal(ctx, { organisationId: dev.id, role: 'member' });
  const developerViewer = await makePrincipal(ctx, { organisationId: dev.id, role: 'viewer' });
  const assessor = await makePrincipal(ctx, { organisationId: (await makeOrganisation(ctx, { kind: 'third_party_assessor' })).id });
  const otherAssessor = await makePrincipal(ctx, { organisationId: (await makeOrganisation(ctx, { kind: 'third_party_assessor' })).id });
  const analyst = await makeAnalyst(ctx);
  const clearedAnalyst = await makePrincipal(ctx, { organisationId: analyst.organisationId, role: 'analyst', clearance: 'SECRET' });
  const otherLab = await makePrincipal(ctx, { organisationId: (await makeOrganisation(ctx, { kind: 'ai_developer' })).id });
  const versionId = await makeVersion(ctx, dev.id);
  return { developer, developerViewer, assessor, analyst, clearedAnalyst, otherAssessor, otherLab, versionId };
}

export async function engagementWorld(t: TestDatabase): Promise<EngagementWorld> {
  const ctx = contextFor(t.database);
  return { ctx, ...(await makeEngagementPeople(ctx)) };
}

/** A valid engagement input for `assessorOrganisationId` on `versionId`, with `over` replacing fields. */
export const engagementInput = (versionId: string, assessorOrganisationId: string, over: Partial<EngagementInput> = {}): EngagementInput => ({
  versionId,
  title: 'Pre-deployment cyber and CBRN assessment',
  assessorOrganisationId,
  purpose: 'supplementation',
  scope: { domains: ['cyber_offense', 'cbrn'], threatModels: ['novice uplift'], outOfScope: ['fine-tuning attacks'] },
  independence: { financialTies: 'fee-for-service contract', assessorChosenBy: 'government', developerReviewRight: true },
  publicationRights: 'summary',
  ...over,
});

/** An engagement commissioned by the developer for the world's assessor. */
export const makeEngagement = (w: Pick<EngagementWorld, 'ctx' | 'developer' | 'assessor' | 'versionId'>, over: Partial<EngagementInput> = {}) =>
  createEngagement(w.ctx, w.developer, engagementInput(w.versionId, w.assessor.organisationId, over));
