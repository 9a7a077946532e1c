import { AppError, notFound } from '../../domain/errors';
import { type PartnerEvent, type PartnerState, transitionPartner } from '../../domain/frontier/partner-states';
import type { Principal } from '../../domain/identity/principal';
import { viewerOf } from '../../domain/identity/principal';
import { can } from '../../domain/policy/actions';
import type { Viewer } from '../../domain/policy/viewer';
import {
  findNominationOf,
  findVisibleNomination,
  insertNomination,
  listVisibleNominations,
  type NominationRow,
  updateNomination,
} from '../../store/frontier/access';
import { findOrganisation } from '../../store/organisations';
import { markingOf, markingRow } from '../../store/visibility';
import { actorOf } from '../actor';
import type { ServiceContext } from '../context';
import { write } from '../unit-of-work';
import { plannablePlan } from './access-grants';
import { nominationMarking } from './access-markings';
import { nominationView, type NominationView } from './access-views';

export interface NominationInput {
  readonly planId: string;
  readonly partnerOrganisationId: string;
  /** One of the operator's sectors; its first when absent. */
  readonly sector?: string | undefined;
  readonly reason?: string | undefined;
}

const eventData = (n: NominationRow) => ({
  id: n.id,
  planId: n.planId,
  partnerOrganisationId: n.partnerOrganisationId,
  sector: n.sector,
  nominatedBy: n.nominatedBy,
  state: n.state,
});

/**
 * Nominates a critical-infrastructure operator as a trusted partner of a plan, for early
 * access: by the developer's writers ("developer") or the clearinghouse's staff ("government").
 */
export async function nominatePartner(ctx: ServiceContext, p: Principal, input: NominationInput): Promise<NominationView> {
  return write(ctx, actorOf(p), async (tx, record) => {
    const plan = await plannablePlan(tx, p, input.planId);
    const org = await findOrganisation(tx, input.partnerOrganisationId);
    if (org?.kind !== 'critical_infrastructure_operator')
      throw new AppError('VALIDATION', 'Not a critical-infrastructure operator', [
        { path: '/partnerOrganisationId', message: 'trusted partners are organisations of the critical_infrastructure_operator kind' },
      ]);
    const sector = input.sector ?? org.sectors[0]!;
    if (!(org.sectors as string[]).includes(sector))
      throw new AppError('VALIDATION', 'Not one of the operator’s sectors', [{ path: '/sector', message: `one of ${org.sectors.join(', ')}` }]);
    if (await findNominationOf(tx, plan.id, org.id))
      throw new AppError('CONFLICT', 'This operator is nominated for this plan already', [{ path: '/partnerOrganisationId', message: 'already nominated' }]);
    const now = ctx.now();
    const nominatedBy = p.organisationId === plan.ownerOrganisationId ? 'developer' : 'government';
    const marking = nominationMarking(markingOf(plan));
    const n = await insertNomination(tx, {
      id: ctx.newId(),
      planId: plan.id,
      partnerOrganisationId: org.id,
      sector,
      nominatedBy,
      state: 'nominated',
      reason: input.reason ?? '',
      history: [{ from: null, to: 'nominated', event: 'nominate', at: now.toISOString(), by: p.userId }],
      ...markingRow(marking),
      createdAt: now,
      updatedAt: now,
    });
    record({
      action: 'trusted_partner.nominated',
      recordType: 'trusted_partner_nomination',
      recordId: n.id,
      before: null,
      after: n,
      marking,
      data: eventData(n),
    });
    return nominationView(n);
  });
}

/** Moves a nomination through vetting (nominated → vetting → approved | declined | withdrawn). */
export async function transitionNomination(ctx: ServiceContext, p: Principal, id: string, event: PartnerEvent): Promise<NominationView> {
  return write(ctx, actorOf(p), async (tx, record) => {
    const n = await findVisibleNomination(tx, viewerOf(p), id, true);
    if (!n) throw notFound('Nomination');
    if (!can(p, 'frontier.plan-access', { organisationId: n.ownerOrganisationId }))
      throw new AppError('FORBIDDEN', "Vetting is done by the developer's writers and the clearinghouse's staff");
    const t = transitionPartner(n.state as PartnerState, event);
    if (!t.ok) throw new AppError('CONFLICT', t.message, [{ path: '/event', message: t.message }]);
    const now = ctx.now();
    const after = await updateNomination(tx, n.id, {
      state: t.state,
      history: [...n.history, { from: n.state, to: t.state, event, at: now.toISOString(), by: p.userId }],
      updatedAt: now,
    });
    record({
      action: 'trusted_partner.transitioned',
      recordType: 'trusted_partner_nomination',
      recordId: n.id,
      before: n,
      after,
      marking: markingOf(after),
      data: { ...eventData(after), from: n.state, event },
    });
    return nominationView(after);
  });
}

export async function getNomination(ctx: ServiceContext, viewer: Viewer, id: string): Promise<NominationView> {
  const n = await findVisibleNomination(ctx.db, viewer, id);
  if (!n) throw notFound('Nomination');
  return nominationView(n);
}

export async function listNominations(
  ctx: ServiceContext,
  viewer: Viewer,
  f: { planId?: string | undefined; state?: string | undefined; limit: number; offset: number },
) {
  const r = await listVisibleNominations(ctx.db, viewer, f);
  return { items: r.items.map(nominationView), total: r.total };
}
