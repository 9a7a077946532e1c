import { and, asc, eq } from 'drizzle-orm';
import type { Principal } from '../../src/domain/identity/principal';
import type { ServiceContext } from '../../src/services/context';
import { CONSIDER_REVIEW_JOB } from '../../src/services/frontier/consider-review';
import { createModel } from '../../src/services/frontier/models';
import { seedBuiltInRuleSets } from '../../src/services/frontier/rule-sets';
import { JOB_HANDLERS } from '../../src/services/jobs/worker';
import { jobs } from '../../src/store/schema/index';
import { makeOrganisation, makePrincipal } from '../helpers/factories';
import { makeClearedAnalyst, setPanel } from './designation-world';

/**
 * The parties of the compute registry: the authority (coordinating, with a cleared analyst on the
 * designation panel and an uncleared one), a lab, a cloud provider that owns the facility and
 * shares it with the lab as a partner, and an outsider.
 */
export interface ComputeWorld {
  readonly platformAdmin: Principal;
  readonly clearedAnalyst: Principal;
  readonly unclearedAnalyst: Principal;
  readonly lab: Principal;
  readonly labViewer: Principal;
  readonly cloud: Principal;
  readonly outsider: Principal;
}

export async function computeWorld(ctx: ServiceContext): Promise<ComputeWorld> {
  await seedBuiltInRuleSets(ctx);
  const authority = (await makeOrganisation(ctx, { name: 'Authority', coordinator: true, kind: 'government_agency' })).id;
  const platformAdmin = await makePrincipal(ctx, { organisationId: authority, role: 'admin' });
  const clearedAnalyst = await makeClearedAnalyst(ctx, authority);
  const unclearedAnalyst = await makeClearedAnalyst(ctx, authority, 'NONE');
  await setPanel(ctx, platformAdmin, [clearedAnalyst]);
  const labOrg = (await makeOrganisation(ctx, { name: 'Lab', kind: 'ai_developer' })).id;
  const lab = await makePrincipal(ctx, { organisationId: labOrg, role: 'member' });
  const labViewer = await makePrincipal(ctx, { organisationId: labOrg, role: 'viewer' });
  const cloud = await makePrincipal(ctx, { organisationId: (await makeOrganisation(ctx, { name: 'Cloud', kind: 'ai_developer' })).id, role: 'member' });
  const outsider = await makePrincipal(ctx, { organisationId: (await makeOrganisation(ctx, { name: 'Outsider' })).id, role: 'admin' });
  return { platformAdmin, clearedAnalyst, unclearedAnalyst, lab, labViewer, cloud, outsider };
}

let n = 0;
/** A model version of `developer` with no facts (the runs bring them). */
export async function bareVersion(ctx: ServiceContext, developer: Principal): Promise<string> {
  const m = await createModel(ctx, developer, { name: `compute-model-${++n}-${Math.random().toString(36).slice(2, 6)}`, versions: [{ version: '1.0' }] });
  return m.versions[0]!.id;
}

/** Runs every queued consider-review job, highest priority first, as the worker would; answers how many ran. */
export async function runReviewJobs(ctx: ServiceContext): Promise<number> {
  const queued = await ctx.db
    .select()
    .from(jobs)
    .where(and(eq(jobs.kind, CONSIDER_REVIEW_JOB), eq(jobs.status, 'queued')))
    .orderBy(asc(jobs.priority), asc(jobs.runAt));
  queued.sort((a, b) => b.priority - a.priority);
  for (const j of queued) {
    await JOB_HANDLERS[CONSIDER_REVIEW_JOB]!(ctx, j.payload as Record<string, unknown>, 1, false);
    await ctx.db.update(jobs).set({ status: 'done' }).where(eq(jobs.id, j.id));
  }
  return queued.length;
}
