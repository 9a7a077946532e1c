import { AppError } from '../../domain/errors';
import type { DesignationOutcome } from '../../domain/frontier/registry';
import {
  type AuthorityDecision,
  developerOutcomeAfter,
  isDecided,
  type ReviewEvent,
  type ReviewState,
  type ReviewTrigger,
  rationaleForDeveloper,
  transitionReview,
} from '../../domain/frontier/review-states';
import { classifiedMarking, mayBeNamedOn } from '../../domain/policy/classified';
import type { Marking } from '../../domain/policy/marking';
import { viewerOf } from '../../domain/identity/principal';
import { SYSTEM, type Viewer } from '../../domain/policy/viewer';
import type { Tx } from '../../store/database';
import {
  findVisibleDesignation,
  insertReview,
  insertReviewHistory,
  lockOpenInquiriesOf,
  lockReviewsOfVersion,
  lockVersionRow,
  type ReviewRow,
  updateInquiry,
  updateReview,
  upsertDesignation,
} from '../../store/frontier/designation';
import { listVisibleLineage } from '../../store/frontier/records';
import { findVisibleVersion } from '../../store/frontier/versions';
import { findOrganisation } from '../../store/organisations';
import { findUser } from '../../store/users';
import { markingOf, markingRow } from '../../store/visibility';
import type { Actor } from '../actor';
import { principalOf } from '../principal';
import type { ServiceContext } from '../context';
import type { Record_ } from '../unit-of-work';
import { designationSettings } from './designation-settings';
import { considerReviewIn } from './review-triggers';
import { designationEventData, designationView, reviewEventData, reviewView } from './designation-views';

/** Reviews opened and reopened by the worker. */
export const DESIGNATION_ACTOR: Actor = Object.freeze({ userId: null, organisationId: null, label: 'system:designation' });

/** Who moves a review, as its history names them. */
export interface Mover {
  readonly userId: string | null;
  readonly label: string;
}

/**
 * The developer-facing outcome's marking (ADR 0090): the developer's organisation and the
 * coordinators, unclassified — a separate record from the classified review it comes from.
 * The outcome and the inquiries name the version, so they never reach further than the version
 * does (update of 2026-12-03): the coordinators only when the version is shared with them, and
 * the authority's organisation when the version names it.
 */
export const developerMarking = (
  ownerOrganisationId: string,
  createdBy: string | null = null,
  version: { readonly coordinators: boolean; readonly accessOrganisations: readonly string[] } = { coordinators: true, accessOrganisations: [] },
  authorityOrganisationId: string | null = null,
): Marking => ({
  ownerOrganisationId,
  createdBy,
  tlp: 'AMBER+STRICT',
  classification: 'UNCLASSIFIED',
  accessOrganisations:
    authorityOrganisationId && authorityOrganisationId !== ownerOrganisationId && version.accessOrganisations.includes(authorityOrganisationId)
      ? [authorityOrganisationId]
      : [],
  accessUsers: [],
  coordinators: version.coordinators,
});

/** The viewer a user has now (for checking what a panel member can see), or null when gone. */
async function viewerOfUser(tx: Tx, userId: string): Promise<Viewer | null> {
  const u = await findUser(tx, userId);
  const org = u ? await findOrganisation(tx, u.organisationId) : null;
  return u && org ? viewerOf(principalOf(u, org, null, null)) : null;
}

/** A new review (state `proposed`) with its first history entry, audited. */
export async function insertNewReview(
  ctx: ServiceContext,
  tx: Tx,
  record: Record_,
  by: Mover,
  input: { versionId: string; trigger: ReviewTrigger; detail: string; inquiryId: string | null; marking: Marking },
): Promise<ReviewRow> {
  const now = ctx.now();
  const m = markingRow(input.marking);
  const row = await insertReview(tx, {
    id: ctx.newId(),
    versionId: input.versionId,
    state: 'proposed',
    trigger: input.trigger,
    detail: input.detail,
    inquiryId: input.inquiryId,
    ...m,
    createdAt: now,
    updatedAt: now,
  });
  await insertReviewHistory(tx, {
    id: ctx.newId(),
    reviewId: row.id,
    event: 'open',
    fromState: null,
    toState: 'proposed',
    trigger: input.trigger,
    note: input.detail,
    actorUserId: by.userId,
    actorLabel: by.label,
    ...m,
    at: now,
  });
  record({
    action: 'frontier_review.opened',
    recordType: 'frontier_review',
    recordId: row.id,
    before: null,
    after: reviewView(row),
    marking: input.marking,
    data: reviewEventData(row, { from: null, event: 'open' }),
  });
  return row;
}

/** The version is not shared with anyone on the designation panel (ADR 0090, update of 2026-12-03). */
export const notSharedWithPanel = () =>
  new AppError('CONFLICT', 'The model version is not shared with the designating authority: share it with the coordinators first', [
    { path: '/versionId', message: 'not visible to any cleared analyst on the designation panel' },
  ]);

/**
 * Opens a review on the designation panel's access list (reviews opened without a person: by
 * an inquiry or a job). Panel members who no longer qualify (clearance lowered, disabled) are
 * left off; with nobody left the review cannot be opened.
 */
export async function openPanelReview(
  ctx: ServiceContext,
  tx: Tx,
  record: Record_,
  by: Mover,
  input: { versionId: string; trigger: ReviewTrigger; detail: string; inquiryId: string | null },
): Promise<ReviewRow> {
  const settings = await designationSettings(tx);
  const panel: string[] = [];
  let qualified = 0;
  for (const id of settings.panelUserIds) {
    const u = await findUser(tx, id);
    if (!u || !mayBeNamedOn(u, settings.classification)) continue;
    qualified++;
    // A review names its version: only panel members who can see the version are named on it.
    const viewer = await viewerOfUser(tx, id);
    if (viewer && (await findVisibleVersion(tx, viewer, input.versionId))) panel.push(id);
  }
  if (!settings.authorityOrganisationId || qualified === 0)
    throw new AppError('CONFLICT', 'No designation panel is set: a platform administrator names the cleared analysts first', [
      { path: '/panelUserIds', message: 'no cleared analyst is on the designation panel' },
    ]);
  if (panel.length === 0) throw notSharedWithPanel();
  return insertNewReview(ctx, tx, record, by, { ...input, marking: classifiedMarking(settings.authorityOrganisationId, null, settings.classification, panel) });
}

export interface Move {
  readonly event: ReviewEvent;
  readonly note?: string | null | undefined;
  /** For `reassess`: what reopened it. */
  readonly trigger?: ReviewTrigger | undefined;
  readonly detail?: string | undefined;
  readonly decision?: AuthorityDecision | undefined;
}

/**
 * Moves a review (locked by the caller) by `move.event`: CONFLICT naming the forbidden move,
 * else the row, a history entry, an audit entry and an event under the review's marking; and,
 * when the move changes what the developer sees, the outcome row in the same transaction.
 */
export async function moveReview(ctx: ServiceContext, tx: Tx, record: Record_, by: Mover, before: ReviewRow, move: Move): Promise<ReviewRow> {
  const r = transitionReview(before.state as ReviewState, move.event);
  if (!r.ok) throw new AppError('CONFLICT', `The review is ${before.state}: ${r.error.message}`, [{ path: '/event', message: r.error.message }]);
  const now = ctx.now();
  const d = move.decision;
  const reassess = move.event === 'reassess';
  const after = await updateReview(tx, before.id, {
    state: r.state,
    updatedAt: now,
    ...(reassess ? { reassessments: before.reassessments + 1, trigger: move.trigger ?? 'manual', detail: move.detail ?? before.detail } : {}),
    ...(d
      ? {
          decidedBy: d.decidedBy,
          decidedAt: d.decidedAt,
          basis: d.basis,
          rationale: d.rationale,
          rationaleSummary: d.rationaleSummary,
          rationaleVisibility: d.rationaleVisibility,
        }
      : {}),
  });
  const marking = markingOf(after);
  await insertReviewHistory(tx, {
    id: ctx.newId(),
    reviewId: after.id,
    event: move.event,
    fromState: before.state,
    toState: r.state,
    trigger: reassess ? after.trigger : null,
    note: move.note?.trim() ?? '',
    actorUserId: by.userId,
    actorLabel: by.label,
    ...(d ? { basis: d.basis, rationale: d.rationale, rationaleSummary: d.rationaleSummary, rationaleVisibility: d.rationaleVisibility } : {}),
    ...markingRow(marking),
    at: now,
  });
  record({
    action: d ? 'frontier_review.decided' : 'frontier_review.transitioned',
    recordType: 'frontier_review',
    recordId: after.id,
    before: reviewView(before),
    after: reviewView(after),
    marking,
    data: reviewEventData(after, { from: before.state, event: move.event }),
  });
  const outcome = developerOutcomeAfter(move.event, r.state);
  if (outcome) await setDeveloperOutcome(ctx, tx, record, after.versionId, outcome, d ?? null);
  if (r.state === 'designated') await considerDerivatives(ctx, tx, after.versionId);
  return after;
}

/**
 * Research §7.2: derivatives and distillations of a covered model open a candidate case. When a
 * version becomes designated after its children exist, each child version (every lineage edge
 * naming it as the parent, whoever may see the child) gets a `frontier.consider-review` job with
 * trigger `derivative` in the deciding transaction; the job joins or reopens the child's review.
 */
async function considerDerivatives(ctx: ServiceContext, tx: Tx, parentVersionId: string): Promise<void> {
  const { children } = await listVisibleLineage(tx, SYSTEM, parentVersionId);
  for (const child of new Set(children.map((c) => c.versionId))) await considerReviewIn(ctx, tx, child, 'derivative', parentVersionId);
}

/**
 * Writes the developer-facing outcome of a version (frontier_designations): the outcome and the
 * rationale as far as its visibility allows, marked for the developer and the coordinators.
 * A decision also answers the version's open inquiries.
 */
export async function setDeveloperOutcome(
  ctx: ServiceContext,
  tx: Tx,
  record: Record_,
  versionId: string,
  outcome: DesignationOutcome,
  decision: AuthorityDecision | null,
): Promise<void> {
  const found = await findVisibleVersion(tx, SYSTEM, versionId);
  if (!found) throw new AppError('NOT_FOUND', 'Model version not found');
  const before = await findVisibleDesignation(tx, SYSTEM, versionId);
  const { authorityOrganisationId } = await designationSettings(tx);
  const marking = developerMarking(found.version.ownerOrganisationId, null, found.version, authorityOrganisationId);
  const now = ctx.now();
  const rationale = decision ? rationaleForDeveloper(decision) : null;
  const row = await upsertDesignation(tx, {
    versionId,
    outcome,
    rationaleVisibility: decision?.rationaleVisibility ?? 'none',
    rationaleForDeveloper: rationale,
    decidedAt: decision?.decidedAt ?? null,
    ...markingRow(marking),
    updatedAt: now,
  });
  const view = designationView(row);
  record({
    action: 'frontier_designation.updated',
    recordType: 'frontier_designation',
    recordId: versionId,
    before: before ? designationView(before) : null,
    after: view,
    marking,
    data: designationEventData(view),
  });
  if (!decision) return;
  for (const q of await lockOpenInquiriesOf(tx, versionId)) {
    const answered = await updateInquiry(tx, q.id, {
      state: 'answered',
      answerOutcome: outcome,
      answerRationale: rationale,
      answeredBy: decision.decidedBy,
      answeredAt: now,
      updatedAt: now,
    });
    record({
      action: 'frontier_inquiry.answered',
      recordType: 'frontier_inquiry',
      recordId: q.id,
      before: { state: q.state },
      after: { state: answered.state, outcome },
      marking: markingOf(answered),
      data: { id: q.id, versionId, state: answered.state, outcome },
    });
  }
}

/**
 * Routes a reason to review a version (an inquiry, a rule result, a checkpoint, a derivative):
 * joins the version's open review if there is one, reopens its latest decided one for
 * reassessment, or opens one on the panel. The version row is locked so that two reasons
 * arriving together open one review.
 */
export async function routeToReview(
  ctx: ServiceContext,
  tx: Tx,
  record: Record_,
  by: Mover,
  input: { versionId: string; trigger: ReviewTrigger; detail: string; inquiryId: string | null },
): Promise<{ review: ReviewRow; action: 'joined' | 'reassessed' | 'opened' }> {
  if (!(await lockVersionRow(tx, input.versionId))) throw new AppError('NOT_FOUND', 'Model version not found');
  const reviews = await lockReviewsOfVersion(tx, input.versionId);
  const open = reviews.find((r) => !isDecided(r.state as ReviewState));
  if (open) return { review: open, action: 'joined' };
  const latest = reviews[0];
  if (latest)
    return {
      review: await moveReview(ctx, tx, record, by, latest, { event: 'reassess', trigger: input.trigger, detail: input.detail, note: input.detail }),
      action: 'reassessed',
    };
  return { review: await openPanelReview(ctx, tx, record, by, input), action: 'opened' };
}
