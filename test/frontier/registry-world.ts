import { eq } from 'drizzle-orm';
import type { Principal } from '../../src/domain/identity/principal';
import type { ServiceContext } from '../../src/services/context';
import type { FactInput } from '../../src/services/frontier/facts';
import { createModel, type ModelInput } from '../../src/services/frontier/models';
import { REEVALUATE_JOB, reEvaluateJob } from '../../src/services/frontier/rule-sets';
import { CONSIDER_REVIEW_JOB } from '../../src/services/frontier/review-triggers';
import { jobs } from '../../src/store/schema/index';
import { makeAnalyst, makeOrganisation, makePrincipal } from '../helpers/factories';

let n = 0;

/** A developer (a lab's member who may write) and a colleague of the same lab, a second lab, and a coordinator analyst. */
export async function registryWorld(ctx: ServiceContext) {
  const lab = await makeOrganisation(ctx, { name: 'Lab', kind: 'ai_developer' });
  const other = await makeOrganisation(ctx, { name: 'Other lab', kind: 'ai_developer' });
  return {
    ctx,
    developer: await makePrincipal(ctx, { organisationId: lab.id }),
    colleague: await makePrincipal(ctx, { organisationId: lab.id, role: 'viewer' }),
    otherLab: await makePrincipal(ctx, { organisationId: other.id }),
    analyst: await makeAnalyst(ctx),
  };
}
export type RegistryWorld = Awaited<ReturnType<typeof registryWorld>>;

/** Facts of a model over the EU threshold (1.2e25 + 3e23 + 1e24 FLOP) with the proxy's capabilities and a cyber score. */
export const FRONTIER_FACTS = [
  { key: 'trainingCompute.pretraining', value: 1.2e25, unit: 'FLOP', method: 'estimated' as const },
  { key: 'trainingCompute.fineTuning', value: 3e23, unit: 'FLOP', method: 'estimated' as const },
  { key: 'trainingCompute.reinforcementLearning', value: 1e24, unit: 'FLOP', method: 'estimated' as const },
  { key: 'capabilities.reasoning', value: true, unit: 'boolean', method: 'declared' as const },
  { key: 'capabilities.autonomousToolUse', value: true, unit: 'boolean', method: 'declared' as const },
  { key: 'evaluations.cyber', value: 0.3, unit: 'score', method: 'measured' as const, benchmarkVersion: '2026.1' },
];

/** Registers a model with one version (`v1`) for `p`; facts only when given. */
export async function makeModel(ctx: ServiceContext, p: Principal, opts: Partial<Omit<ModelInput, 'versions'>> & { facts?: readonly FactInput[] } = {}) {
  const { facts, ...rest } = opts;
  const m = await createModel(ctx, p, { name: `model-${++n}`, family: 'test', versions: [{ version: 'v1', ...(facts ? { facts } : {}) }], ...rest });
  return { model: m, versionId: m.versions[0]!.id };
}

/** The queued jobs of a kind, oldest first. */
export async function queued(ctx: ServiceContext, kind: string) {
  const rows = await ctx.db.select().from(jobs).where(eq(jobs.kind, kind));
  return rows.filter((j) => j.status === 'queued').sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1));
}

/** The consider-review jobs asked for one version. */
export async function reviewJobs(ctx: ServiceContext, versionId: string) {
  return (await queued(ctx, CONSIDER_REVIEW_JOB))
    .filter((j) => (j.payload as Record<string, unknown>).versionId === versionId)
    .map((j) => j.payload as Record<string, unknown>);
}

/** Runs every queued re-evaluation job (as the worker would) and marks it done. */
export async function runReEvaluations(ctx: ServiceContext): Promise<void> {
  for (const j of await queued(ctx, REEVALUATE_JOB)) {
    const outcome = await reEvaluateJob(ctx, j.payload as Record<string, unknown>, 1, false);
    if (outcome.status !== 'done') throw new Error(`re-evaluation job: ${JSON.stringify(outcome)}`);
    await ctx.db.update(jobs).set({ status: 'done' }).where(eq(jobs.id, j.id));
  }
}
