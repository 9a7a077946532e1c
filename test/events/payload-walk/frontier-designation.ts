import { openInquiry, respondToDesignation, withdrawInquiry } from '../../../src/services/frontier/inquiries';
import { considerReview } from '../../../src/services/frontier/consider-review';
import { decideReview, grantReviewAccess, removeReviewAccess, transitionReviewBy } from '../../../src/services/frontier/reviews';
import { SYSTEM } from '../../../src/domain/policy/viewer';
import { listVisibleReviews } from '../../../src/store/frontier/designation';
import { makePrincipal } from '../../helpers/factories';
import { makeClearedAnalyst, makeFrontierVersion, setPanel } from '../../frontier/designation-world';
import type { Canaries } from './canaries';
import type { PayloadWorld } from './world';

/**
 * Designation (ADR 0090): vendor A as a model developer asks whether its version is covered;
 * the panel (one cleared analyst) reviews, grants a second cleared analyst access (removed after the decision), and decides
 * with a classified basis and rationale and a summary for the developer; A rebuts. The review's
 * notes, basis and rationale travel in no event at all; the question is the inquiry's audience's.
 */
export async function frontierDesignationEvents(w: PayloadWorld, c: Canaries): Promise<void> {
  const developer = w.vendors[0]!;
  const panelist = await makeClearedAnalyst(w.ctx, w.analyst.organisationId);
  const second = await makeClearedAnalyst(w.ctx, w.analyst.organisationId, 'TOP_SECRET');
  const uncleared = await makePrincipal(w.ctx, { organisationId: w.analyst.organisationId, role: 'analyst', clearance: 'CONFIDENTIAL' });
  w.joined.push(panelist, second, uncleared);
  await setPanel(w.ctx, w.admin, [panelist]);
  const { versionId } = await makeFrontierVersion(w.ctx, developer);

  const inquiry = await openInquiry(w.ctx, developer, { versionId, question: 'CANARY-inquiry-question' });
  c.plant('CANARY-inquiry-question', inquiry.id);
  const review = (await listVisibleReviews(w.ctx.db, SYSTEM, { versionId }, 1, 0)).items[0]!;
  await transitionReviewBy(w.ctx, panelist, review.id, { event: 'start_review', note: 'CANARY-review-note' });
  await grantReviewAccess(w.ctx, panelist, review.id, [second.userId]);
  await decideReview(w.ctx, panelist, review.id, {
    outcome: 'designated',
    basis: 'CANARY-classified-basis',
    rationale: 'CANARY-classified-rationale',
    rationaleSummary: 'Summary for the developer',
    rationaleVisibility: 'summary',
  });
  // Classified text travels in no event at all, whatever its marking (issue 11 "Bad input").
  c.never('CANARY-review-note', 'CANARY-classified-basis', 'CANARY-classified-rationale', 'CANARY-rebuttal-note');
  await respondToDesignation(w.ctx, developer, versionId, { kind: 'rebuttal', note: 'CANARY-rebuttal-note' });
  // The second analyst leaves the review again (the removal event is not shown to them).
  await removeReviewAccess(w.ctx, panelist, review.id, second.userId);

  // A second version: the job opens a review with a detail, the developer asks and withdraws.
  const other = await makeFrontierVersion(w.ctx, developer);
  await considerReview(w.ctx, { versionId: other.versionId, trigger: 'rule_result', detail: 'us-eo14409-proxy' });
  const asked = await openInquiry(w.ctx, developer, { versionId: other.versionId, question: 'Is this one covered?' });
  await withdrawInquiry(w.ctx, developer, asked.id);
}
