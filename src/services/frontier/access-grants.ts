import { AppError, notFound } from '../../domain/errors';
import { type AccessEnvironment, type AccessKind, budgetProblems, type GrantBudgets, type Problem } from '../../domain/frontier/access-vocabulary';
import type { Principal } from '../../domain/identity/principal';
import { viewerOf } from '../../domain/identity/principal';
import { can } from '../../domain/policy/actions';
import type { Tx } from '../../store/database';
import {
  findNominationOf,
  findVisibleGrant,
  findVisiblePlan,
  type GrantRow,
  insertGrant,
  insertOutage,
  outagesOfGrants,
  type PlanRow,
  updateGrant,
  updatePlan,
} from '../../store/frontier/access';
import { type FrontierVersionRow, findVisibleVersion } from '../../store/frontier/versions';
import { findOrganisation } from '../../store/organisations';
import { markingOf, markingRow } from '../../store/visibility';
import { actorOf } from '../actor';
import type { ServiceContext } from '../context';
import type { Record_ } from '../unit-of-work';
import { write } from '../unit-of-work';
import { grantMarking, planMarking } from './access-markings';
import { planViewFor } from './access-plans';
import { accessPolicy } from './access-policy';
import type { PlanView } from './access-views';
import { grantIntervalProblems, outageIntervalProblems } from './access-window';

export interface GrantInput {
  readonly granteeOrganisationId: string;
  readonly accessKind: AccessKind;
  readonly environment: AccessEnvironment;
  readonly testedCheckpoint?: string | null | undefined;
  readonly releasedCheckpoint?: string | null | undefined;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly budgets?: GrantBudgets | undefined;
}

export interface OutageInput {
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly reason?: string | undefined;
}

/** What an event about a grant carries: the ids, the kind and the dates (no terms, no checkpoints). */
const grantEventData = (g: GrantRow) => ({
  id: g.id,
  planId: g.planId,
  granteeOrganisationId: g.granteeOrganisationId,
  accessKind: g.accessKind,
  environment: g.environment,
  startsAt: g.startsAt.toISOString(),
  endsAt: g.endsAt.toISOString(),
});

/** The plan, locked, if the caller may see it and plan access for its developer; 404 / 403 otherwise. */
export async function plannablePlan(tx: Tx, p: Principal, planId: string): Promise<PlanRow> {
  const plan = await findVisiblePlan(tx, viewerOf(p), planId, true);
  if (!plan) throw notFound('Access plan');
  if (!can(p, 'frontier.plan-access', { organisationId: plan.ownerOrganisationId }))
    throw new AppError('FORBIDDEN', "Grants are planned by the developer's writers or the clearinghouse's staff");
  return plan;
}

/**
 * The plan's version as the planner may see it (through the policy module, like every read):
 * a planner who can no longer see the version cannot check a grant against its release dates.
 */
async function plannedVersion(tx: Tx, p: Principal, plan: PlanRow): Promise<FrontierVersionRow> {
  const found = await findVisibleVersion(tx, viewerOf(p), plan.versionId);
  if (!found) throw notFound('Model version');
  return found.version;
}

/**
 * Checks a grant (new or edited) per field — the grantee, budgets, intervals against the
 * version's release dates (the window helper's validator) — and finds the trusted-partner
 * nomination a critical-infrastructure grantee needs. Nothing is written on a problem.
 */
async function checkGrant(tx: Tx, p: Principal, plan: PlanRow, g: GrantInput, outages: readonly { start: Date; end: Date }[]): Promise<string | null> {
  const problems: Problem[] = [];
  let nominationId: string | null = null;
  const org = await findOrganisation(tx, g.granteeOrganisationId);
  if (!org) problems.push({ path: '/granteeOrganisationId', message: 'no such organisation' });
  else if (org.kind === 'critical_infrastructure_operator') {
    const n = await findNominationOf(tx, plan.id, org.id);
    if (n?.state !== 'approved')
      problems.push({
        path: '/granteeOrganisationId',
        message: 'a critical-infrastructure operator gets grants in this plan once vetted and approved as its trusted partner',
      });
    else nominationId = n.id;
  }
  problems.push(...budgetProblems(g.budgets ?? {}));
  const v = await plannedVersion(tx, p, plan);
  const releases = { trustedPartner: v.plannedTrustedPartnerRelease, general: v.plannedGeneralRelease };
  problems.push(...grantIntervalProblems({ start: g.startsAt, end: g.endsAt, outages }, releases, await accessPolicy(tx)));
  if (problems.length) throw new AppError('VALIDATION', 'The grant is not valid', problems);
  return nominationId;
}

/** Widens the plan's marking to a new grantee (so they see the plan their grant is in). */
async function shareWithGrantee(ctx: ServiceContext, tx: Tx, p: Principal, plan: PlanRow, grantee: string, record: Record_): Promise<PlanRow> {
  const m = markingOf(plan);
  if (grantee === m.ownerOrganisationId || m.accessOrganisations.includes(grantee)) return plan;
  const marking = planMarking(await plannedVersion(tx, p, plan), [...m.accessOrganisations, grantee], m.createdBy);
  const after = await updatePlan(tx, plan.id, { ...markingRow(marking), updatedAt: ctx.now() });
  record({
    action: 'access_plan.shared',
    recordType: 'access_plan',
    recordId: plan.id,
    before: plan,
    after,
    marking,
    data: { id: plan.id, organisations: [...marking.accessOrganisations] },
  });
  return after;
}

const grantColumns = (g: GrantInput) => ({
  granteeOrganisationId: g.granteeOrganisationId,
  accessKind: g.accessKind,
  environment: g.environment,
  testedCheckpoint: g.testedCheckpoint ?? null,
  releasedCheckpoint: g.releasedCheckpoint ?? null,
  startsAt: g.startsAt,
  endsAt: g.endsAt,
  budgetQueries: g.budgets?.queries ?? null,
  budgetTokens: g.budgets?.tokens ?? null,
  budgetComputeHours: g.budgets?.computeHours ?? null,
});

/** Adds a grant to a plan; the plan view with its new window comes back. */
export async function addGrant(ctx: ServiceContext, p: Principal, planId: string, input: GrantInput): Promise<PlanView> {
  return write(ctx, actorOf(p), async (tx, record) => {
    const plan = await plannablePlan(tx, p, planId);
    const nominationId = await checkGrant(tx, p, plan, input, []);
    const shared = await shareWithGrantee(ctx, tx, p, plan, input.granteeOrganisationId, record);
    const marking = grantMarking(markingOf(shared), input.granteeOrganisationId);
    const now = ctx.now();
    const g = await insertGrant(tx, {
      id: ctx.newId(),
      planId: plan.id,
      nominationId,
      ...grantColumns(input),
      ...markingRow(marking),
      createdAt: now,
      updatedAt: now,
    });
    record({ action: 'access_grant.added', recordType: 'access_grant', recordId: g.id, before: null, after: g, marking, data: grantEventData(g) });
    return planViewFor(ctx, tx, viewerOf(p), shared);
  });
}

/** Edits a grant (every field given replaces the old one); its outages must still fit. */
export async function editGrant(ctx: ServiceContext, p: Principal, planId: string, grantId: string, patch: Partial<GrantInput>): Promise<PlanView> {
  return write(ctx, actorOf(p), async (tx, record) => {
    const plan = await plannablePlan(tx, p, planId);
    const g = await findVisibleGrant(tx, viewerOf(p), plan.id, grantId, true);
    if (!g) throw notFound('Grant');
    const merged: GrantInput = {
      granteeOrganisationId: g.granteeOrganisationId,
      accessKind: (patch.accessKind ?? g.accessKind) as AccessKind,
      environment: (patch.environment ?? g.environment) as AccessEnvironment,
      testedCheckpoint: patch.testedCheckpoint === undefined ? g.testedCheckpoint : patch.testedCheckpoint,
      releasedCheckpoint: patch.releasedCheckpoint === undefined ? g.releasedCheckpoint : patch.releasedCheckpoint,
      startsAt: patch.startsAt ?? g.startsAt,
      endsAt: patch.endsAt ?? g.endsAt,
      budgets: { queries: g.budgetQueries, tokens: g.budgetTokens, computeHours: g.budgetComputeHours, ...patch.budgets },
    };
    if (patch.granteeOrganisationId && patch.granteeOrganisationId !== g.granteeOrganisationId)
      throw new AppError('VALIDATION', 'The grant is not valid', [
        { path: '/granteeOrganisationId', message: 'a grant stays with its grantee: add a new grant instead' },
      ]);
    const outages = (await outagesOfGrants(tx, [g.id])).map((o) => ({ start: o.startsAt, end: o.endsAt }));
    await checkGrant(tx, p, plan, merged, outages);
    const after = await updateGrant(tx, g.id, { ...grantColumns(merged), updatedAt: ctx.now() });
    record({
      action: 'access_grant.updated',
      recordType: 'access_grant',
      recordId: g.id,
      before: g,
      after,
      marking: markingOf(after),
      data: grantEventData(after),
    });
    return planViewFor(ctx, tx, viewerOf(p), plan);
  });
}

/** Records an outage of a grant: inside the grant, not inverted, not overlapping another of its outages. */
export async function addOutage(ctx: ServiceContext, p: Principal, planId: string, grantId: string, input: OutageInput): Promise<PlanView> {
  return write(ctx, actorOf(p), async (tx, record) => {
    const plan = await plannablePlan(tx, p, planId);
    const g = await findVisibleGrant(tx, viewerOf(p), plan.id, grantId, true);
    if (!g) throw notFound('Grant');
    const existing = (await outagesOfGrants(tx, [g.id])).map((o) => ({ start: o.startsAt, end: o.endsAt }));
    const problems = outageIntervalProblems({ start: g.startsAt, end: g.endsAt }, existing, { start: input.startsAt, end: input.endsAt });
    if (problems.length) throw new AppError('VALIDATION', 'The outage is not valid', problems);
    const marking = markingOf(g);
    const o = await insertOutage(tx, {
      id: ctx.newId(),
      grantId: g.id,
      planId: plan.id,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      reason: input.reason ?? '',
      ...markingRow(marking),
      createdAt: ctx.now(),
    });
    record({
      action: 'access_outage.recorded',
      recordType: 'access_outage',
      recordId: o.id,
      before: null,
      after: o,
      marking,
      data: { id: o.id, grantId: g.id, planId: plan.id, startsAt: o.startsAt.toISOString(), endsAt: o.endsAt.toISOString() },
    });
    return planViewFor(ctx, tx, viewerOf(p), plan);
  });
}
