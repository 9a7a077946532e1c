import type { AccessPolicy } from '../../domain/frontier/access-vocabulary';
import type { AcknowledgementRow, GrantRow, NominationRow, OutageRow, PlanRow, SessionRow, TermsRow } from '../../store/frontier/access';
import type { FrontierModelRow, FrontierVersionRow } from '../../store/frontier/versions';
import type { AccessWindowView } from './access-window';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function outageView(o: OutageRow) {
  return { id: o.id, grantId: o.grantId, startsAt: o.startsAt.toISOString(), endsAt: o.endsAt.toISOString(), reason: o.reason };
}

/** `names`: the acknowledging users the viewer may see (store/users.ts visibleUserNames); the others show by id only. */
export function termsView(t: TermsRow, acks: readonly AcknowledgementRow[], names: ReadonlyMap<string, string>) {
  return {
    termsVersion: t.termsVersion,
    protections: t.protections,
    setAt: t.createdAt.toISOString(),
    acknowledgements: acks
      .filter((a) => a.termsVersion === t.termsVersion)
      .map((a) => ({
        side: a.side,
        userId: a.userId,
        userName: names.get(a.userId) ?? null,
        organisationId: a.organisationId,
        acknowledgedAt: a.acknowledgedAt.toISOString(),
      })),
  };
}

export function grantView(
  g: GrantRow,
  outages: readonly OutageRow[],
  terms: TermsRow | undefined,
  acks: readonly AcknowledgementRow[],
  names: ReadonlyMap<string, string>,
) {
  return {
    id: g.id,
    planId: g.planId,
    granteeOrganisationId: g.granteeOrganisationId,
    nominationId: g.nominationId,
    accessKind: g.accessKind,
    environment: g.environment,
    testedCheckpoint: g.testedCheckpoint,
    releasedCheckpoint: g.releasedCheckpoint,
    startsAt: g.startsAt.toISOString(),
    endsAt: g.endsAt.toISOString(),
    budgets: { queries: g.budgetQueries, tokens: g.budgetTokens, computeHours: g.budgetComputeHours },
    outages: outages.filter((o) => o.grantId === g.id).map(outageView),
    terms: terms ? termsView(terms, acks, names) : null,
    createdAt: g.createdAt.toISOString(),
    updatedAt: g.updatedAt.toISOString(),
  };
}
export type GrantView = ReturnType<typeof grantView>;

/** The version a plan is for, as far as the viewer may see it (null when they may not). */
export function planVersionView(v: { version: FrontierVersionRow; model: FrontierModelRow } | null) {
  if (!v) return null;
  return {
    id: v.version.id,
    version: v.version.version,
    modelId: v.model.id,
    modelName: v.model.name,
    plannedTrustedPartnerRelease: iso(v.version.plannedTrustedPartnerRelease),
    plannedGeneralRelease: iso(v.version.plannedGeneralRelease),
  };
}

export function planView(
  p: PlanRow,
  version: ReturnType<typeof planVersionView>,
  grants: readonly GrantView[],
  policy: AccessPolicy,
  window: AccessWindowView | null,
) {
  return {
    id: p.id,
    versionId: p.versionId,
    developerOrganisationId: p.ownerOrganisationId,
    notes: p.notes,
    version,
    policy: { ...policy, reminderOffsetsDays: [...policy.reminderOffsetsDays] },
    window,
    grants: [...grants],
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}
export type PlanView = ReturnType<typeof planView>;

export function sessionView(s: SessionRow) {
  return {
    id: s.id,
    grantId: s.grantId,
    actor: s.actor,
    startedAt: s.startedAt.toISOString(),
    endedAt: iso(s.endedAt),
    environment: s.environment,
    source: s.source,
    recordedAt: s.recordedAt.toISOString(),
  };
}

export function nominationView(n: NominationRow) {
  return {
    id: n.id,
    planId: n.planId,
    partnerOrganisationId: n.partnerOrganisationId,
    sector: n.sector,
    nominatedBy: n.nominatedBy,
    state: n.state,
    reason: n.reason,
    history: n.history,
    createdAt: n.createdAt.toISOString(),
    updatedAt: n.updatedAt.toISOString(),
  };
}
export type NominationView = ReturnType<typeof nominationView>;
