import { AppError, notFound } from '../../domain/errors';
import { type AccessEnvironment, type Problem, type Term, termsProblems, type TermsSide } from '../../domain/frontier/access-vocabulary';
import type { Principal } from '../../domain/identity/principal';
import { viewerOf } from '../../domain/identity/principal';
import { can } from '../../domain/policy/actions';
import type { Viewer } from '../../domain/policy/viewer';
import type { Executor } from '../../store/database';
import {
  acknowledgementsOf,
  currentTermsOf,
  findVisibleGrant,
  findVisiblePlan,
  type GrantRow,
  insertAcknowledgement,
  insertSessions,
  insertTerms,
  listVisibleSessions,
  type PlanRow,
} from '../../store/frontier/access';
import { markingOf, markingRow } from '../../store/visibility';
import { actorOf } from '../actor';
import type { ServiceContext } from '../context';
import { write } from '../unit-of-work';
import { plannablePlan } from './access-grants';
import { sessionView, termsView } from './access-views';
import { visibleUserNames } from '../../store/users';

/** A visible grant of a visible plan, or 404. */
async function visibleGrant(tx: Executor, viewer: Viewer, planId: string, grantId: string, lock = false): Promise<{ plan: PlanRow; grant: GrantRow }> {
  const plan = await findVisiblePlan(tx, viewer, planId);
  const grant = plan ? await findVisibleGrant(tx, viewer, plan.id, grantId, lock) : null;
  if (!plan || !grant) throw notFound('Grant');
  return { plan, grant };
}

/** Which side of a grant the caller speaks for: its grantee's or its developer's writers. */
function sideOf(p: Principal, plan: PlanRow, grant: GrantRow): TermsSide | null {
  if (can(p, 'organisation.speak-for', { organisationId: grant.granteeOrganisationId })) return 'grantee';
  if (can(p, 'organisation.speak-for', { organisationId: plan.ownerOrganisationId })) return 'developer';
  return null;
}

/**
 * Sets a grant's terms: the protections the order lists, structured. Each change is a new
 * terms version, which both sides acknowledge afresh.
 */
export async function setTerms(ctx: ServiceContext, p: Principal, planId: string, grantId: string, terms: readonly Term[]) {
  const problems = termsProblems(terms);
  if (problems.length) throw new AppError('VALIDATION', 'The terms are not valid', problems);
  return write(ctx, actorOf(p), async (tx, record) => {
    const plan = await plannablePlan(tx, p, planId);
    const grant = await findVisibleGrant(tx, viewerOf(p), plan.id, grantId, true);
    if (!grant) throw notFound('Grant');
    const current = (await currentTermsOf(tx, [grant.id])).get(grant.id);
    const marking = markingOf(grant);
    const t = await insertTerms(tx, {
      id: ctx.newId(),
      grantId: grant.id,
      termsVersion: (current?.termsVersion ?? 0) + 1,
      protections: terms.map((x) => ({ protection: x.protection, detail: x.detail })),
      ...markingRow(marking),
      createdAt: ctx.now(),
    });
    record({
      action: 'access_terms.set',
      recordType: 'access_grant',
      recordId: grant.id,
      before: current ?? null,
      after: t,
      marking,
      data: { grantId: grant.id, planId: plan.id, termsVersion: t.termsVersion, protections: t.protections.map((x) => x.protection) },
    });
    return termsView(t, [], new Map());
  });
}

/** Acknowledges the current terms version of a grant for the caller's side (idempotent). */
export async function acknowledgeTerms(ctx: ServiceContext, p: Principal, planId: string, grantId: string, termsVersion: number) {
  return write(ctx, actorOf(p), async (tx, record) => {
    const { plan, grant } = await visibleGrant(tx, viewerOf(p), planId, grantId, true);
    const side = sideOf(p, plan, grant);
    if (!side) throw new AppError('FORBIDDEN', "Terms are acknowledged by the grantee's or the developer's writers");
    const current = (await currentTermsOf(tx, [grant.id])).get(grant.id);
    if (!current) throw new AppError('VALIDATION', 'This grant has no terms yet', [{ path: '/termsVersion', message: 'no terms to acknowledge' }]);
    if (termsVersion !== current.termsVersion)
      throw new AppError('VALIDATION', 'Not the current terms', [{ path: '/termsVersion', message: `the current terms are version ${current.termsVersion}` }]);
    const marking = markingOf(grant);
    const ack = await insertAcknowledgement(tx, {
      id: ctx.newId(),
      grantId: grant.id,
      termsVersion,
      side,
      userId: p.userId,
      organisationId: p.organisationId,
      acknowledgedAt: ctx.now(),
      ...markingRow(marking),
    });
    if (ack)
      record({
        action: 'access_terms.acknowledged',
        recordType: 'access_grant',
        recordId: grant.id,
        before: null,
        after: ack,
        marking,
        data: { grantId: grant.id, planId: plan.id, termsVersion, side, acknowledgedAt: ack.acknowledgedAt.toISOString() },
      });
    const acks = await acknowledgementsOf(tx, [grant.id]);
    return termsView(
      current,
      acks,
      await visibleUserNames(
        tx,
        viewerOf(p),
        acks.map((a) => a.userId),
      ),
    );
  });
}

export interface SessionInput {
  readonly actor: string;
  readonly startedAt: Date;
  readonly endedAt?: Date | null | undefined;
  readonly environment: AccessEnvironment;
}

/**
 * Records sessions of use of a grant: imported from the developer's logs (its writers) or
 * recorded by the grantee (its writers). Each session is checked; nothing is written on a problem.
 */
export async function recordSessions(ctx: ServiceContext, p: Principal, planId: string, grantId: string, sessions: readonly SessionInput[]) {
  const problems: Problem[] = [];
  sessions.forEach((s, i) => {
    if (s.endedAt && s.endedAt.getTime() < s.startedAt.getTime()) problems.push({ path: `/sessions/${i}/endedAt`, message: 'must not be before startedAt' });
  });
  if (problems.length) throw new AppError('VALIDATION', 'The sessions are not valid', problems);
  return write(ctx, actorOf(p), async (tx, record) => {
    const { plan, grant } = await visibleGrant(tx, viewerOf(p), planId, grantId);
    const side = sideOf(p, plan, grant);
    if (!side) throw new AppError('FORBIDDEN', "Sessions are recorded by the grantee's writers or imported by the developer's");
    const source = side === 'grantee' ? 'recorded' : 'imported';
    const marking = markingOf(grant);
    const now = ctx.now();
    const rows = await insertSessions(
      tx,
      sessions.map((s) => ({
        id: ctx.newId(),
        grantId: grant.id,
        actor: s.actor,
        startedAt: s.startedAt,
        endedAt: s.endedAt ?? null,
        environment: s.environment,
        source,
        recordedBy: p.userId,
        ...markingRow(marking),
        recordedAt: now,
      })),
    );
    for (const r of rows)
      record({
        action: 'access_sessions.recorded',
        recordType: 'access_session',
        recordId: r.id,
        before: null,
        after: r,
        marking,
        data: { id: r.id, grantId: grant.id, source, environment: r.environment, startedAt: r.startedAt.toISOString() },
      });
    return { items: rows.map(sessionView), total: rows.length };
  });
}

/** The access log of a grant: who used it, when, from where (the developer sees who accessed its model). */
export async function listSessions(ctx: ServiceContext, viewer: Viewer, planId: string, grantId: string, page: { limit: number; offset: number }) {
  const { grant } = await visibleGrant(ctx.db, viewer, planId, grantId);
  const r = await listVisibleSessions(ctx.db, viewer, grant.id, page.limit, page.offset);
  return { items: r.items.map(sessionView), total: r.total };
}
