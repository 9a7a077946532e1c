import { AppError, type FieldProblem, invalid, notFound } from '../../domain/errors';
import type { AssessorChosenBy, EngagementPurpose, PublicationRights, RiskDomain } from '../../domain/frontier/assessment-vocabulary';
import { engagementMarking } from '../../domain/frontier/engagement-markings';
import { type EngagementEvent, type EngagementState, transitionEngagement } from '../../domain/frontier/engagement-states';
import type { Principal } from '../../domain/identity/principal';
import { viewerOf } from '../../domain/identity/principal';
import { can } from '../../domain/policy/actions';
import { clears } from '../../domain/policy/classified';
import type { Classification, Tlp } from '../../domain/policy/marking';
import type { Viewer } from '../../domain/policy/viewer';
import type { Executor } from '../../store/database';
import {
  type EngagementFilter,
  type EngagementRow,
  findVisibleEngagement,
  insertEngagement,
  listVisibleEngagements,
  updateEngagement,
  visibleAnnexesOf,
  visibleCheckpointIdsOf,
  visibleConclusionsOf,
  visibleFindingsOf,
  visibleGrantsOfVersion,
  visibleRunsOf,
} from '../../store/frontier/assessments';
import { findVisibleVersion } from '../../store/frontier/versions';
import { findOrganisation } from '../../store/organisations';
import { markingOf, markingRow } from '../../store/visibility';
import { actorOf } from '../actor';
import type { ServiceContext } from '../context';
import { write } from '../unit-of-work';
import { engagementForUpdate, partiesOf } from './engagement-parties';
import { engagementSummaryView, engagementView, type EngagementView } from './engagement-views';

export interface EngagementInput {
  readonly versionId: string;
  readonly title: string;
  readonly assessorOrganisationId: string;
  /** The commissioning organisation: the caller's own when absent; staff may name a government agency. */
  readonly commissioningOrganisationId?: string | undefined;
  readonly purpose: EngagementPurpose;
  readonly scope: { readonly domains: readonly RiskDomain[]; readonly threatModels?: readonly string[]; readonly outOfScope?: readonly string[] };
  readonly checkpointIds?: readonly string[] | undefined;
  readonly grantIds?: readonly string[] | undefined;
  readonly independence: { readonly financialTies?: string | undefined; readonly assessorChosenBy: AssessorChosenBy; readonly developerReviewRight: boolean };
  readonly publicationRights: PublicationRights;
  readonly startsOn?: Date | null | undefined;
  readonly endsOn?: Date | null | undefined;
  readonly tlp?: Tlp | undefined;
  readonly classification?: Classification | undefined;
}

/** Ids and states only: never threat models, ties or the summary (the payload walk checks it). */
export const engagementEventData = (e: EngagementRow) => ({
  id: e.id,
  versionId: e.versionId,
  assessorOrganisationId: e.assessorOrganisationId,
  state: e.state,
});

const dupes = (xs: readonly string[], path: string): FieldProblem[] =>
  xs.flatMap((x, i) => (xs.indexOf(x) !== i ? [{ path: `${path}/${i}`, message: `"${x}" is listed twice` }] : []));

/**
 * Commissions a third-party assessment of a model version (issue 12): by the developer's
 * writers for their own model, or by the clearinghouse's staff for the government. Every bad
 * field is named at once; nothing is written unless all are good.
 */
export async function createEngagement(ctx: ServiceContext, p: Principal, input: EngagementInput): Promise<EngagementView> {
  return write(ctx, actorOf(p), async (tx, record) => {
    const viewer = viewerOf(p);
    const found = await findVisibleVersion(tx, viewer, input.versionId);
    if (!found) throw invalid([{ path: '/versionId', message: 'no such model version' }]);
    const developerOrganisationId = found.model.ownerOrganisationId;
    if (!can(p, 'frontier.commission-assessment', { organisationId: developerOrganisationId }))
      throw new AppError('FORBIDDEN', "Assessments are commissioned by the developer's writers or the clearinghouse's staff");
    const problems: FieldProblem[] = [];
    const commissioningOrganisationId = input.commissioningOrganisationId ?? p.organisationId;
    const commissionedBy = commissioningOrganisationId === developerOrganisationId ? 'developer' : 'government';
    if (commissionedBy === 'government') {
      const staff =
        can(p, 'frontier.act-in-engagement', { organisationId: commissioningOrganisationId, government: true }) && p.organisationId !== developerOrganisationId;
      const org = await findOrganisation(tx, commissioningOrganisationId);
      if (!staff) problems.push({ path: '/commissioningOrganisationId', message: "only the clearinghouse's staff commission for the government" });
      else if (!org || (commissioningOrganisationId !== p.organisationId && org.kind !== 'government_agency'))
        problems.push({ path: '/commissioningOrganisationId', message: 'the developer itself, your organisation, or a government agency' });
    }
    const assessor = await findOrganisation(tx, input.assessorOrganisationId);
    if (assessor?.kind !== 'third_party_assessor')
      problems.push({ path: '/assessorOrganisationId', message: 'an organisation of the third_party_assessor kind' });
    else if (assessor.id === developerOrganisationId) problems.push({ path: '/assessorOrganisationId', message: 'the developer cannot assess its own model' });
    if (!input.title.trim()) problems.push({ path: '/title', message: 'required' });
    if (input.scope.domains.length === 0) problems.push({ path: '/scope/domains', message: 'at least one risk domain' });
    problems.push(...dupes(input.scope.domains, '/scope/domains'));
    const checkpointIds = input.checkpointIds ?? [];
    const grantIds = input.grantIds ?? [];
    problems.push(...dupes(checkpointIds, '/checkpointIds'), ...dupes(grantIds, '/grantIds'));
    const checkpoints = await visibleCheckpointIdsOf(tx, viewer, input.versionId, checkpointIds);
    checkpointIds.forEach((id, i) => {
      if (!checkpoints.has(id)) problems.push({ path: `/checkpointIds/${i}`, message: 'not a checkpoint of this version' });
    });
    const grants = await visibleGrantsOfVersion(tx, viewer, input.versionId, grantIds);
    grantIds.forEach((id, i) => {
      const g = grants.get(id);
      if (!g) problems.push({ path: `/grantIds/${i}`, message: "not a grant of this version's access plan" });
      else if (g.granteeOrganisationId !== input.assessorOrganisationId)
        problems.push({ path: `/grantIds/${i}`, message: 'a grant to another organisation than the assessor' });
    });
    if (input.startsOn && input.endsOn && input.endsOn < input.startsOn) problems.push({ path: '/endsOn', message: 'before startsOn' });
    const classification = input.classification ?? markingOf(found.version).classification;
    if (!clears(p.clearance, classification)) problems.push({ path: '/classification', message: 'above your clearance' });
    if (problems.length) throw invalid(problems);

    const now = ctx.now();
    const marking = engagementMarking(
      { commissioningOrganisationId, assessorOrganisationId: input.assessorOrganisationId, developerOrganisationId },
      input.tlp ?? 'AMBER',
      classification,
      p.userId,
    );
    const e = await insertEngagement(tx, {
      id: ctx.newId(),
      versionId: input.versionId,
      title: input.title.trim(),
      commissioningOrganisationId,
      commissionedBy,
      assessorOrganisationId: input.assessorOrganisationId,
      developerOrganisationId,
      purpose: input.purpose,
      scopeDomains: [...input.scope.domains],
      threatModels: [...(input.scope.threatModels ?? [])],
      outOfScope: [...(input.scope.outOfScope ?? [])],
      checkpointIds: [...checkpointIds],
      grantIds: [...grantIds],
      financialTies: input.independence.financialTies ?? '',
      assessorChosenBy: input.independence.assessorChosenBy,
      developerReviewRight: input.independence.developerReviewRight,
      publicationRights: input.publicationRights,
      startsOn: input.startsOn ?? null,
      endsOn: input.endsOn ?? null,
      state: 'scoped',
      history: [{ from: null, to: 'scoped', event: 'commission', at: now.toISOString(), by: p.userId }],
      ...markingRow(marking),
      createdAt: now,
      updatedAt: now,
    });
    record({
      action: 'assessment_engagement.created',
      recordType: 'assessment_engagement',
      recordId: e.id,
      before: null,
      after: e,
      marking,
      data: engagementEventData(e),
    });
    return engagementView(e, viewer, partiesOf(p, e), { findings: [], conclusions: [], annexes: [], runs: [] });
  });
}

/** The engagement with every part `viewer` may see. */
export async function loadEngagementView(db: Executor, viewer: Viewer, p: Principal | null, e: EngagementRow): Promise<EngagementView> {
  const [findings, conclusions, annexes, runs] = await Promise.all([
    visibleFindingsOf(db, viewer, e.id),
    visibleConclusionsOf(db, viewer, e.id),
    visibleAnnexesOf(db, viewer, e.id),
    visibleRunsOf(db, viewer, e.id),
  ]);
  return engagementView(e, viewer, partiesOf(p, e), { findings, conclusions, annexes, runs });
}

export async function getEngagement(ctx: ServiceContext, viewer: Viewer, p: Principal | null, id: string): Promise<EngagementView> {
  const e = await findVisibleEngagement(ctx.db, viewer, id);
  if (!e) throw notFound('Engagement');
  return loadEngagementView(ctx.db, viewer, p, e);
}

export async function listEngagements(ctx: ServiceContext, viewer: Viewer, f: EngagementFilter) {
  const r = await listVisibleEngagements(ctx.db, viewer, f);
  return { items: r.items.map(engagementSummaryView), total: r.total };
}

export interface EngagementMove {
  readonly event: EngagementEvent;
  readonly reason?: string | undefined;
  readonly summary?: string | undefined;
}

/** Moves an engagement through its states (domain/frontier/engagement-states.ts), by the party the move belongs to. */
export async function moveEngagement(ctx: ServiceContext, p: Principal, id: string, move: EngagementMove): Promise<EngagementView> {
  return write(ctx, actorOf(p), async (tx, record) => {
    const e = await engagementForUpdate(tx, p, id);
    const parties = partiesOf(p, e);
    const t = transitionEngagement(
      { state: e.state as EngagementState, developerReviewRight: e.developerReviewRight, publicationRights: e.publicationRights as PublicationRights },
      move.event,
      parties,
      move,
    );
    if (!t.ok) {
      if (t.code === 'NOT_A_PARTY') throw new AppError('FORBIDDEN', t.message);
      if (t.code === 'MISSING_TEXT') throw invalid([{ path: t.path, message: t.message }]);
      throw new AppError('CONFLICT', t.message, [{ path: t.path, message: t.message }]);
    }
    const now = ctx.now();
    const reason = move.event === 'withdraw' ? move.reason!.trim() : undefined;
    const after = await updateEngagement(tx, e.id, {
      state: t.state,
      ...(reason ? { withdrawalReason: reason } : {}),
      ...(move.event === 'publish_summary' ? { summary: move.summary!.trim() } : {}),
      history: [...e.history, { from: e.state, to: t.state, event: move.event, at: now.toISOString(), by: p.userId, ...(reason ? { reason } : {}) }],
      updatedAt: now,
    });
    record({
      action: 'assessment_engagement.transitioned',
      recordType: 'assessment_engagement',
      recordId: e.id,
      before: e,
      after,
      marking: markingOf(after),
      data: { ...engagementEventData(after), from: e.state, event: move.event },
    });
    return loadEngagementView(tx, viewerOf(p), p, after);
  });
}
