import { AppError, notFound } from '../../domain/errors';
import type { Principal } from '../../domain/identity/principal';
import { viewerOf } from '../../domain/identity/principal';
import { can } from '../../domain/policy/actions';
import type { Viewer } from '../../domain/policy/viewer';
import type { Executor } from '../../store/database';
import {
  acknowledgementsOf,
  currentTermsOf,
  findPlanOfVersion,
  findVisiblePlan,
  grantIntervalsOf,
  insertPlan,
  listVisiblePlans,
  outageIntervalsOf,
  outagesOfGrants,
  type PlanRow,
  visibleGrantsOf,
} from '../../store/frontier/access';
import { findVisibleVersion, findVisibleVersions } from '../../store/frontier/versions';
import { markingRow } from '../../store/visibility';
import { actorOf } from '../actor';
import type { ServiceContext } from '../context';
import { write } from '../unit-of-work';
import { planMarking } from './access-markings';
import { accessPolicy } from './access-policy';
import { grantView, planVersionView, planView, type PlanView } from './access-views';
import { type PlanIntervals, windowOfPlan } from './access-window';
import { visibleUserNames } from '../../store/users';

export interface PlanInput {
  readonly versionId: string;
  readonly notes?: string | undefined;
}

/** What an event about a plan carries: ids and dates, nothing of the terms or the notes. */
export const planEventData = (p: PlanRow) => ({ id: p.id, versionId: p.versionId });

/** The grant and outage intervals of these plans, by plan: two queries for any number of plans. */
export async function intervalsOf(db: Executor, planIds: readonly string[]): Promise<Map<string, PlanIntervals>> {
  const [grants, outages] = await Promise.all([grantIntervalsOf(db, planIds), outageIntervalsOf(db, planIds)]);
  const out = new Map<string, PlanIntervals>();
  for (const [planId, list] of grants) {
    const byGrant = new Map<string, { start: number; end: number }[]>();
    for (const [grantId, start, end] of outages.get(planId) ?? []) {
      const l = byGrant.get(grantId) ?? [];
      l.push({ start, end });
      byGrant.set(grantId, l);
    }
    out.set(
      planId,
      list.map(([start, end, tested, released, id]) => ({ start, end, outages: byGrant.get(id) ?? [], tested, released })),
    );
  }
  return out;
}

/**
 * A plan as the viewer sees it: its grants the viewer may see (a partner only its own), and —
 * when the viewer may see the version — the live window (ADR 0095): computed now, under the
 * deployment's policy, from every grant of the plan.
 */
export async function planViewFor(ctx: ServiceContext, db: Executor, viewer: Viewer, plan: PlanRow): Promise<PlanView> {
  const [version, grants, policy] = await Promise.all([
    findVisibleVersion(db, viewer, plan.versionId),
    visibleGrantsOf(db, viewer, [plan.id]),
    accessPolicy(db),
  ]);
  const ids = grants.map((g) => g.id);
  const [outages, terms, acks] = await Promise.all([outagesOfGrants(db, ids), currentTermsOf(db, ids), acknowledgementsOf(db, ids)]);
  const names = await visibleUserNames(
    db,
    viewer,
    acks.map((a) => a.userId),
  );
  const views = grants.map((g) =>
    grantView(
      g,
      outages,
      terms.get(g.id),
      acks.filter((a) => a.grantId === g.id),
      names,
    ),
  );
  const window = version ? windowOfPlan(policy, version.version, (await intervalsOf(db, [plan.id])).get(plan.id) ?? [], ctx.now()) : null;
  return planView(plan, planVersionView(version), views, policy, window);
}

/** Creates the access plan of a version the caller may see (the developer's writers, or coordinator staff); one plan per version. */
export async function createPlan(ctx: ServiceContext, p: Principal, input: PlanInput): Promise<PlanView> {
  const viewer = viewerOf(p);
  return write(ctx, actorOf(p), async (tx, record) => {
    const found = await findVisibleVersion(tx, viewer, input.versionId);
    if (!found) throw new AppError('VALIDATION', 'No such model version', [{ path: '/versionId', message: 'no model version with this id that you may see' }]);
    if (!can(p, 'frontier.plan-access', { organisationId: found.version.ownerOrganisationId }))
      throw new AppError('FORBIDDEN', "Access plans are made by the developer's writers or the clearinghouse's staff");
    if (await findPlanOfVersion(tx, found.version.id))
      throw new AppError('CONFLICT', 'This version has an access plan already', [{ path: '/versionId', message: 'already has a plan' }]);
    const now = ctx.now();
    const marking = planMarking(found.version, [], p.userId);
    const plan = await insertPlan(tx, {
      id: ctx.newId(),
      versionId: found.version.id,
      notes: input.notes ?? '',
      ...markingRow(marking),
      createdAt: now,
      updatedAt: now,
    });
    record({ action: 'access_plan.created', recordType: 'access_plan', recordId: plan.id, before: null, after: plan, marking, data: planEventData(plan) });
    return planViewFor(ctx, tx, viewer, plan);
  });
}

/** One plan, or 404 for a plan the caller may not see. */
export async function getPlan(ctx: ServiceContext, viewer: Viewer, id: string): Promise<PlanView> {
  const plan = await findVisiblePlan(ctx.db, viewer, id);
  if (!plan) throw notFound('Access plan');
  return planViewFor(ctx, ctx.db, viewer, plan);
}

/**
 * The plans the caller may see, newest first (only the version's plan with `versionId`); each
 * with its grants and window, built for the whole page at once: a fixed number of queries
 * whatever the page size, never a set per plan.
 */
export async function listPlans(ctx: ServiceContext, viewer: Viewer, page: { limit: number; offset: number; versionId?: string | undefined }) {
  const r = await listVisiblePlans(ctx.db, viewer, page.limit, page.offset, page.versionId);
  return { items: await planViewsFor(ctx, ctx.db, viewer, r.items), total: r.total };
}

/** `planViewFor` for a page of plans, set-based. */
export async function planViewsFor(ctx: ServiceContext, db: Executor, viewer: Viewer, plans: readonly PlanRow[]): Promise<PlanView[]> {
  if (plans.length === 0) return [];
  const planIds = plans.map((p) => p.id);
  const [versions, grants, policy, intervals] = await Promise.all([
    findVisibleVersions(
      db,
      viewer,
      plans.map((p) => p.versionId),
    ),
    visibleGrantsOf(db, viewer, planIds),
    accessPolicy(db),
    intervalsOf(db, planIds),
  ]);
  const ids = grants.map((g) => g.id);
  const [outages, terms, acks] = await Promise.all([outagesOfGrants(db, ids), currentTermsOf(db, ids), acknowledgementsOf(db, ids)]);
  const names = await visibleUserNames(
    db,
    viewer,
    acks.map((a) => a.userId),
  );
  const outagesOf = new Map<string, typeof outages>();
  for (const o of outages) outagesOf.set(o.grantId, [...(outagesOf.get(o.grantId) ?? []), o]);
  const acksOf = new Map<string, typeof acks>();
  for (const a of acks) acksOf.set(a.grantId, [...(acksOf.get(a.grantId) ?? []), a]);
  const grantsOf = new Map<string, typeof grants>();
  for (const g of grants) grantsOf.set(g.planId, [...(grantsOf.get(g.planId) ?? []), g]);
  const now = ctx.now();
  return plans.map((plan) => {
    const version = versions.get(plan.versionId) ?? null;
    const views = (grantsOf.get(plan.id) ?? []).map((g) => grantView(g, outagesOf.get(g.id) ?? [], terms.get(g.id), acksOf.get(g.id) ?? [], names));
    const window = version ? windowOfPlan(policy, version.version, intervals.get(plan.id) ?? [], now) : null;
    return planView(plan, planVersionView(version), views, policy, window);
  });
}
