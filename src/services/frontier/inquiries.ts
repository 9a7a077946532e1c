import { AppError, isAppError, notFound } from '../../domain/errors';
import { isDecided, type ReviewState } from '../../domain/frontier/review-states';
import { type Principal, viewerOf } from '../../domain/identity/principal';
import { can } from '../../domain/policy/actions';
import { SYSTEM, type Viewer } from '../../domain/policy/viewer';
import type { Executor, Tx } from '../../store/database';
import {
  findVisibleDesignation,
  findVisibleInquiry,
  findVisibleReview,
  type InquiryFilter,
  type InquiryRow,
  insertInquiry,
  listVisibleInquiries,
  lockReviewsOfVersion,
  updateInquiry,
  visibleDesignationsOf,
  visibleReviewIds,
} from '../../store/frontier/designation';
import { findVisibleVersion } from '../../store/frontier/versions';
import { markingOf, markingRow } from '../../store/visibility';
import { actorOf } from '../actor';
import type { ServiceContext } from '../context';
import { write } from '../unit-of-work';
import { designationSettings } from './designation-settings';
import { type EvaluationView, latestEvaluation, latestEvaluationsFor } from './evaluation';
import { type DesignationView, designationView, type InquiryView, inquiryView } from './designation-views';
import { developerMarking, moveReview, routeToReview, setDeveloperOutcome } from './review-moves';

/*
 * The developer's side of designation (issue 11, "Is my model covered?"): a coverage inquiry
 * about a version it develops, the outcome of its version as far as it may see it, and its two
 * answers to a decision — a rebuttal, and the evidence a deferral asked for. The review itself
 * is classified and never shown to it (ADR 0090).
 */

/** A version `p` can see whose developer it writes for, or NOT_FOUND / FORBIDDEN. */
async function ownVersion(tx: Executor, p: Principal, versionId: string) {
  const found = await findVisibleVersion(tx, viewerOf(p), versionId);
  if (!found) throw notFound('Model version');
  if (!can(p, 'frontier.inquire', { organisationId: found.version.ownerOrganisationId }))
    throw new AppError('FORBIDDEN', "Only writers of the model's developer ask about its designation");
  return found;
}

/** An inquiry as `p` sees it: the review id only when `p` may see the review, the outcome when visible. */
async function viewFor(db: Executor, p: Principal, r: InquiryRow): Promise<InquiryView> {
  const viewer = viewerOf(p);
  const reviewVisible = r.reviewId ? (await findVisibleReview(db, viewer, r.reviewId)) !== null : false;
  const d = await findVisibleDesignation(db, viewer, r.versionId);
  return inquiryView(r, { reviewVisible, designation: d ? designationView(d) : null, evaluation: await ruleResults(db, viewer, r.versionId) });
}

/** `viewFor` for a page of inquiries: one query each for the reviews' visibility, the outcomes, the versions and the evaluations. */
async function viewsFor(db: Executor, p: Principal, rows: readonly InquiryRow[]): Promise<InquiryView[]> {
  if (rows.length === 0) return [];
  const viewer = viewerOf(p);
  const versionIds = [...new Set(rows.map((r) => r.versionId))];
  const [reviews, designations, evaluations] = await Promise.all([
    visibleReviewIds(
      db,
      viewer,
      rows.flatMap((r) => (r.reviewId ? [r.reviewId] : [])),
    ),
    visibleDesignationsOf(db, viewer, versionIds),
    latestEvaluationsFor(db, viewer, versionIds),
  ]);
  return rows.map((r) => {
    const d = designations.get(r.versionId);
    return inquiryView(r, {
      reviewVisible: r.reviewId ? reviews.has(r.reviewId) : false,
      designation: d ? designationView(d) : null,
      evaluation: evaluations.get(r.versionId) ?? null,
    });
  });
}

/** What every transparent rule set says now about the version's declared facts (the registry's latest evaluation); null when the caller cannot see the version. */
async function ruleResults(db: Executor, viewer: Viewer, versionId: string): Promise<EvaluationView[] | null> {
  try {
    return (await latestEvaluation(db, viewer, versionId)).latest;
  } catch (err) {
    if (isAppError(err) && err.code === 'NOT_FOUND') return null;
    throw err;
  }
}

/**
 * Opens a coverage inquiry. In one transaction: the inquiry, its routing to a review (the
 * version's open one, a reassessment of a decided one, or a new one on the designation panel),
 * and the developer's outcome row (`under_review` unless a decision stands).
 */
export async function openInquiry(ctx: ServiceContext, p: Principal, input: { versionId: string; question: string }): Promise<InquiryView> {
  return write(ctx, actorOf(p), async (tx, record) => {
    const { version } = await ownVersion(tx, p, input.versionId);
    const question = input.question.trim();
    if (!question) throw new AppError('VALIDATION', 'The inquiry needs a question', [{ path: '/question', message: 'required' }]);
    const now = ctx.now();
    const { authorityOrganisationId } = await designationSettings(tx);
    const marking = developerMarking(version.ownerOrganisationId, p.userId, version, authorityOrganisationId);
    const opened = await insertInquiry(tx, {
      id: ctx.newId(),
      versionId: version.id,
      question,
      state: 'open',
      ...markingRow(marking),
      createdAt: now,
      updatedAt: now,
    });
    const { review } = await routeToReview(ctx, tx, record, actorOf(p), {
      versionId: version.id,
      trigger: 'inquiry',
      detail: `coverage inquiry ${opened.id}`,
      inquiryId: opened.id,
    });
    const inquiry = await updateInquiry(tx, opened.id, { reviewId: review.id });
    if (!(await findVisibleDesignation(tx, SYSTEM, version.id))) await setDeveloperOutcome(ctx, tx, record, version.id, 'under_review', null);
    record({
      action: 'frontier_inquiry.opened',
      recordType: 'frontier_inquiry',
      recordId: inquiry.id,
      before: null,
      after: inquiryView(inquiry),
      marking,
      data: { id: inquiry.id, versionId: inquiry.versionId, state: inquiry.state },
    });
    return viewFor(tx, p, inquiry);
  });
}

/** One inquiry `p` may see. */
export async function getInquiry(ctx: ServiceContext, p: Principal, id: string): Promise<InquiryView> {
  const r = await findVisibleInquiry(ctx.db, viewerOf(p), id);
  if (!r) throw notFound('Inquiry');
  return viewFor(ctx.db, p, r);
}

/** The inquiries `p` may see, newest first (the same filter gives the page and the count). */
export async function listInquiries(ctx: ServiceContext, p: Principal, f: InquiryFilter, page: { limit: number; offset: number }) {
  const r = await listVisibleInquiries(ctx.db, viewerOf(p), f, page.limit, page.offset);
  return { items: await viewsFor(ctx.db, p, r.items), total: r.total };
}

/** The developer withdraws its question (the authority's review goes on as it stands). */
export async function withdrawInquiry(ctx: ServiceContext, p: Principal, id: string): Promise<InquiryView> {
  return write(ctx, actorOf(p), async (tx, record) => {
    const before = await findVisibleInquiry(tx, viewerOf(p), id, true);
    if (!before) throw notFound('Inquiry');
    if (!can(p, 'frontier.inquire', { organisationId: before.ownerOrganisationId }))
      throw new AppError('FORBIDDEN', "Only writers of the model's developer withdraw its inquiry");
    if (before.state !== 'open')
      throw new AppError('CONFLICT', `The inquiry is ${before.state}`, [
        { path: '/state', message: `only an open inquiry can be withdrawn; it is ${before.state}` },
      ]);
    const after = await updateInquiry(tx, before.id, { state: 'withdrawn', updatedAt: ctx.now() });
    record({
      action: 'frontier_inquiry.withdrawn',
      recordType: 'frontier_inquiry',
      recordId: after.id,
      before: inquiryView(before),
      after: inquiryView(after),
      marking: markingOf(after),
      data: { id: after.id, versionId: after.versionId, state: after.state },
    });
    return viewFor(tx, p, after);
  });
}

/** The designation of a version as `p` may see it: the outcome and the rationale its visibility allows. */
export async function getVersionDesignation(ctx: ServiceContext, p: Principal, versionId: string): Promise<DesignationView> {
  const d = await findVisibleDesignation(ctx.db, viewerOf(p), versionId);
  if (!d) throw notFound('Designation');
  return designationView(d);
}

/**
 * The developer answers a decision: `rebuttal` of a standing decision (EU AI Act Art. 52(2)
 * style), or `evidence` for a deferred review (back under review). Its note joins the review's
 * (classified) history; the developer sees its outcome change, nothing else.
 */
export async function respondToDesignation(
  ctx: ServiceContext,
  p: Principal,
  versionId: string,
  input: { kind: 'rebuttal' | 'evidence'; note: string },
): Promise<DesignationView> {
  return write(ctx, actorOf(p), async (tx, record) => {
    const { version } = await ownVersion(tx, p, versionId);
    if (!input.note.trim()) throw new AppError('VALIDATION', 'Say what you send', [{ path: '/note', message: 'required' }]);
    const review = await reviewAwaiting(tx, version.id, input.kind);
    await moveReview(ctx, tx, record, actorOf(p), review, { event: input.kind === 'rebuttal' ? 'request_rebuttal' : 'evidence_received', note: input.note });
    const d = await findVisibleDesignation(tx, viewerOf(p), version.id);
    if (!d) throw notFound('Designation');
    return designationView(d);
  });
}

/** The review a developer's answer goes to (system lookup): the latest decided one for a rebuttal, a deferred one for evidence. */
async function reviewAwaiting(tx: Tx, versionId: string, kind: 'rebuttal' | 'evidence') {
  const reviews = await lockReviewsOfVersion(tx, versionId);
  const found = kind === 'rebuttal' ? reviews.find((r) => isDecided(r.state as ReviewState)) : reviews.find((r) => r.state === 'deferred');
  if (!found)
    throw new AppError('CONFLICT', kind === 'rebuttal' ? 'No decision stands on this version to rebut' : 'No evidence was asked for this version', [
      { path: '/kind', message: kind === 'rebuttal' ? 'no decision (designated or not designated) stands on the version' : 'the version is not deferred' },
    ]);
  return found;
}
