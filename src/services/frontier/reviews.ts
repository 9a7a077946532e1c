import { AppError, notFound } from '../../domain/errors';
import { type DecisionInput, decisionEventOf, decisionProblems, isDecisionEvent, type ReviewEvent } from '../../domain/frontier/review-states';
import { type Principal, viewerOf } from '../../domain/identity/principal';
import { can } from '../../domain/policy/actions';
import { classifiedMarking, mayBeNamedOn } from '../../domain/policy/classified';
import { CLASSIFICATIONS } from '../../domain/policy/marking';
import type { Executor, Tx } from '../../store/database';
import {
  findVisibleReview,
  insertReviewHistory,
  listVisibleReviewHistory,
  listVisibleReviews,
  type ReviewFilter,
  type ReviewRow,
  remarkReviewHistory,
  updateReview,
} from '../../store/frontier/designation';
import { findVisibleVersion } from '../../store/frontier/versions';
import { findUser } from '../../store/users';
import { markingOf, markingRow } from '../../store/visibility';
import { actorOf } from '../actor';
import type { ServiceContext } from '../context';
import { write } from '../unit-of-work';
import { accessListProblems, designationSettings } from './designation-settings';
import { type ReviewHistoryView, type ReviewView, reviewHistoryView, reviewView } from './designation-views';
import { insertNewReview, moveReview } from './review-moves';

/*
 * The designating authority's side (ADR 0090): cleared analysts on a review's access list list,
 * read, move and decide it. Visibility comes first — a review one cannot see answers NOT_FOUND
 * before any action is checked — then `frontier.decide` (policy/actions.ts) says who may act.
 */

const forbidden = () => new AppError('FORBIDDEN', 'Only cleared analysts and administrators of the clearinghouse run designation reviews');

const classificationOf = (r: ReviewRow) => CLASSIFICATIONS[r.classification] ?? 'TOP_SECRET';

/** A review `p` can see (locked when `lock`), or NOT_FOUND. */
async function visibleReview(db: Executor | Tx, p: Principal, id: string, lock = false): Promise<ReviewRow> {
  const r = await findVisibleReview(db, viewerOf(p), id, lock);
  if (!r) throw notFound('Review');
  return r;
}

/** A review `p` may work on, locked: NOT_FOUND when invisible, FORBIDDEN without the standing or the clearance. */
async function reviewToWork(tx: Tx, p: Principal, id: string): Promise<ReviewRow> {
  const r = await visibleReview(tx, p, id, true);
  if (!can(p, 'frontier.decide', { classification: classificationOf(r) })) throw forbidden();
  return r;
}

export type ReviewDetailView = ReviewView & { readonly history: ReviewHistoryView[] };

/** One review with its history (who moved it when, from, to, why). */
export async function getReview(ctx: ServiceContext, p: Principal, id: string): Promise<ReviewDetailView> {
  const r = await visibleReview(ctx.db, p, id);
  const history = await listVisibleReviewHistory(ctx.db, viewerOf(p), r.id);
  return { ...reviewView(r), history: history.map(reviewHistoryView) };
}

/** The reviews `p` may see (the same filter gives the page and the count). */
export async function listReviews(ctx: ServiceContext, p: Principal, f: ReviewFilter, page: { limit: number; offset: number }) {
  const r = await listVisibleReviews(ctx.db, viewerOf(p), f, page.limit, page.offset);
  return { items: r.items.map(reviewView), total: r.total };
}

/** Opens a review by hand: the analyst and the cleared users it names are its access list. */
export async function openReviewByHand(
  ctx: ServiceContext,
  p: Principal,
  input: { versionId: string; detail?: string | undefined; accessUsers?: readonly string[] | undefined },
): Promise<ReviewView> {
  return write(ctx, actorOf(p), async (tx, record) => {
    const { classification } = await designationSettings(tx);
    if (!can(p, 'frontier.decide', { classification })) throw forbidden();
    if (!(await findVisibleVersion(tx, viewerOf(p), input.versionId))) throw notFound('Model version');
    const users = [...new Set(input.accessUsers ?? [])];
    const problems = await accessListProblems(tx, users, classification, '/accessUsers');
    if (problems.length) throw new AppError('VALIDATION', 'The access list names users who cannot see this review', problems);
    const row = await insertNewReview(ctx, tx, record, actorOf(p), {
      versionId: input.versionId,
      trigger: 'manual',
      detail: input.detail?.trim() ?? '',
      inquiryId: null,
      marking: classifiedMarking(p.organisationId, p.userId, classification, users),
    });
    return reviewView(row);
  });
}

/** Moves a review by an event that is not a decision (decisions go through `decideReview`). */
export async function transitionReviewBy(
  ctx: ServiceContext,
  p: Principal,
  id: string,
  req: { event: ReviewEvent; note?: string | null | undefined },
): Promise<ReviewView> {
  return write(ctx, actorOf(p), async (tx, record) => {
    const before = await reviewToWork(tx, p, id);
    if (isDecisionEvent(req.event))
      throw new AppError('VALIDATION', 'A decision is recorded as a decision', [
        { path: '/event', message: 'designate, not_designate and defer are decisions: POST …/decision' },
      ]);
    const after = await moveReview(ctx, tx, record, actorOf(p), before, {
      event: req.event,
      note: req.note,
      ...(req.event === 'reassess' ? { trigger: 'manual' } : {}),
    });
    return reviewView(after);
  });
}

/**
 * The authority decision: designated, not designated or deferred, with its basis, rationale and
 * the rationale's visibility towards the developer. In the same transaction: the developer's
 * outcome row and the answers to the version's open inquiries.
 */
export async function decideReview(ctx: ServiceContext, p: Principal, id: string, input: DecisionInput): Promise<ReviewView> {
  return write(ctx, actorOf(p), async (tx, record) => {
    const before = await reviewToWork(tx, p, id);
    const problems = decisionProblems(input);
    if (problems.length) throw new AppError('VALIDATION', 'The decision has invalid fields', problems);
    const after = await moveReview(ctx, tx, record, actorOf(p), before, {
      event: decisionEventOf(input.outcome),
      decision: {
        decidedBy: p.userId,
        decidedAt: ctx.now(),
        basis: input.basis.trim(),
        rationale: input.rationale.trim(),
        rationaleSummary: input.rationaleSummary?.trim() || null,
        rationaleVisibility: input.rationaleVisibility,
      },
    });
    return reviewView(after);
  });
}

/**
 * A history entry for a change of the access list (`access_granted`, `access_removed`): the state
 * does not move; the note names the user ids (no classified text). It follows the review's marking.
 */
async function recordAccessChange(
  ctx: ServiceContext,
  tx: Tx,
  p: Principal,
  review: ReviewRow,
  event: 'access_granted' | 'access_removed',
  userIds: readonly string[],
): Promise<void> {
  const by = actorOf(p);
  await insertReviewHistory(tx, {
    id: ctx.newId(),
    reviewId: review.id,
    event,
    fromState: review.state,
    toState: review.state,
    trigger: null,
    note: userIds.join(', '),
    actorUserId: by.userId,
    actorLabel: by.label,
    ...markingRow(markingOf(review)),
    at: ctx.now(),
  });
}

/** Names more cleared users on a review's access list (its history follows its marking). */
export async function grantReviewAccess(ctx: ServiceContext, p: Principal, id: string, userIds: readonly string[]): Promise<ReviewView> {
  return write(ctx, actorOf(p), async (tx, record) => {
    const before = await reviewToWork(tx, p, id);
    const problems = await accessListProblems(tx, userIds, classificationOf(before), '/users');
    if (problems.length) throw new AppError('VALIDATION', 'The access list names users who cannot see this review', problems);
    const added = [...new Set(userIds)].filter((u) => !before.accessUsers.includes(u));
    const accessUsers = [...before.accessUsers, ...added];
    const after = await updateReview(tx, before.id, { accessUsers, updatedAt: ctx.now() });
    await remarkReviewHistory(tx, after.id, accessUsers);
    if (added.length) await recordAccessChange(ctx, tx, p, after, 'access_granted', added);
    record({
      action: 'frontier_review.access_granted',
      recordType: 'frontier_review',
      recordId: after.id,
      before: reviewView(before),
      after: reviewView(after),
      marking: markingOf(after),
      data: { id: after.id, versionId: after.versionId, accessCount: accessUsers.length },
    });
    return reviewView(after);
  });
}

/**
 * Takes a user off a review's access list (ADR 0090, update of 2026-12-03): they lose the review
 * and its history at once. Refused when nobody active and cleared for the review would be left
 * to see it (the opener counts while they qualify) — one may remove oneself only if someone stays.
 * The event goes out under the new marking: the removed user does not see it.
 */
export async function removeReviewAccess(ctx: ServiceContext, p: Principal, id: string, userId: string): Promise<ReviewView> {
  return write(ctx, actorOf(p), async (tx, record) => {
    const before = await reviewToWork(tx, p, id);
    if (!before.accessUsers.includes(userId))
      throw new AppError('VALIDATION', 'The user is not on the review’s access list', [{ path: '/userId', message: 'not on the access list' }]);
    const accessUsers = before.accessUsers.filter((u) => u !== userId);
    const classification = classificationOf(before);
    const remaining = [...new Set([...accessUsers, ...(before.createdBy ? [before.createdBy] : [])])];
    let left = 0;
    for (const u of remaining) {
      const user = await findUser(tx, u);
      if (user && mayBeNamedOn(user, classification)) left++;
    }
    if (left === 0)
      throw new AppError('CONFLICT', 'Nobody cleared would be left on the review', [
        { path: '/userId', message: 'the last cleared user on the access list cannot be removed' },
      ]);
    const after = await updateReview(tx, before.id, { accessUsers, updatedAt: ctx.now() });
    await remarkReviewHistory(tx, after.id, accessUsers);
    await recordAccessChange(ctx, tx, p, after, 'access_removed', [userId]);
    record({
      action: 'frontier_review.access_removed',
      recordType: 'frontier_review',
      recordId: after.id,
      before: reviewView(before),
      after: reviewView(after),
      marking: markingOf(after),
      data: { id: after.id, versionId: after.versionId, accessCount: accessUsers.length },
    });
    return reviewView(after);
  });
}
