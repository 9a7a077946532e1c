import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Principal, viewerOf } from '../../src/domain/identity/principal';
import { CLEARANCES, type Clearance } from '../../src/domain/policy/marking';
import type { Viewer } from '../../src/domain/policy/viewer';
import { canSee } from '../../src/domain/policy/visibility';
import { auditTrail } from '../../src/services/audit';
import { getInquiry, getVersionDesignation, listInquiries, openInquiry } from '../../src/services/frontier/inquiries';
import { decideReview, getReview, grantReviewAccess, listReviews, transitionReviewBy } from '../../src/services/frontier/reviews';
import { eventsAfter, type StoredEvent } from '../../src/store/outbox';
import { frontierDesignationReviews, frontierReviewHistory } from '../../src/store/schema/index';
import { contextFor, DRIVERS, freshDatabase, type TestDatabase } from '../helpers/databases';
import { makeOrganisation, makePrincipal } from '../helpers/factories';
import { makeClearedAnalyst, makeFrontierVersion, setPanel } from './designation-world';

const BASIS = 'MATRIX-CLASSIFIED-BASIS';
const RATIONALE = 'MATRIX-CLASSIFIED-RATIONALE';

type Org = 'authority' | 'developer' | 'other';
type Role = 'analyst' | 'admin' | 'member';
interface Subject {
  readonly clearance: Clearance;
  readonly onList: boolean;
  readonly org: Org;
  readonly role: Role;
  readonly p: Principal;
}
const label = (s: Subject) => `${s.clearance}/${s.onList ? 'on' : 'off'}/${s.org}/${s.role}`;

/**
 * The classified-visibility matrix (issue 11, "How it is checked"; ADR 0090): clearance ×
 * access list × organisation × role. A SECRET review is seen by exactly the users on its access
 * list whose clearance covers SECRET — whatever their role or organisation — and is absent for
 * everyone else from every read: get, list, count, search, its history, the inquiry that led to
 * it, the audit view and the events that streams and webhooks deliver. Acting needs cleared
 * staff of the clearinghouse on top. Expectations are written out here, not read from the policy.
 */
describe.each(DRIVERS)('classified review visibility matrix on %s', (driver) => {
  let t: TestDatabase;
  let ctx: ReturnType<typeof contextFor>;
  const subjects: Subject[] = [];
  let reviewId: string;
  let inquiryId: string;
  let versionId: string;
  let reviewEvents: StoredEvent[];
  let orgIds: Record<Org, string>;

  beforeAll(async () => {
    t = await freshDatabase(driver);
    ctx = contextFor(t.database);
    orgIds = {
      authority: (await makeOrganisation(ctx, { name: 'Authority', kind: 'government_agency', coordinator: true })).id,
      developer: (await makeOrganisation(ctx, { name: 'Frontier Lab', kind: 'ai_developer' })).id,
      other: (await makeOrganisation(ctx, { name: 'Other Lab', kind: 'ai_developer' })).id,
    };
    const setupAdmin = await makePrincipal(ctx, { organisationId: orgIds.authority, role: 'admin', clearance: 'TOP_SECRET' });
    const panelist = await makeClearedAnalyst(ctx, orgIds.authority);
    const developer = await makePrincipal(ctx, { organisationId: orgIds.developer, role: 'member' });
    await setPanel(ctx, setupAdmin, [panelist]);
    versionId = (await makeFrontierVersion(ctx, developer)).versionId;
    inquiryId = (await openInquiry(ctx, developer, { versionId, question: 'Is it covered?' })).id;
    reviewId = (await listReviews(ctx, panelist, { versionId }, { limit: 1, offset: 0 })).items[0]!.id;

    for (const clearance of CLEARANCES)
      for (const onList of [false, true])
        for (const org of ['authority', 'developer', 'other'] as const)
          for (const role of ['analyst', 'admin', 'member'] as const)
            subjects.push({ clearance, onList, org, role, p: await makePrincipal(ctx, { organisationId: orgIds[org], role, clearance }) });
    // Name everyone "on" directly: the service names only the cleared, and the matrix needs the uncleared on it too.
    const list = [panelist.userId, ...subjects.filter((s) => s.onList).map((s) => s.p.userId)];
    await ctx.db.update(frontierDesignationReviews).set({ accessUsers: list }).where(eq(frontierDesignationReviews.id, reviewId));
    await ctx.db.update(frontierReviewHistory).set({ accessUsers: list }).where(eq(frontierReviewHistory.reviewId, reviewId));
    const mark = (await eventsAfter(ctx.db, 0, 100_000)).at(-1)!.seq;
    await transitionReviewBy(ctx, panelist, reviewId, { event: 'start_review', note: 'MATRIX-CLASSIFIED-NOTE' });
    await grantReviewAccess(ctx, panelist, reviewId, [setupAdmin.userId]);
    await decideReview(ctx, panelist, reviewId, {
      outcome: 'designated',
      basis: BASIS,
      rationale: RATIONALE,
      rationaleSummary: 'Covered.',
      rationaleVisibility: 'summary',
    });
    reviewEvents = (await eventsAfter(ctx.db, mark, 100_000)).filter((e) => e.recordType === 'frontier_review');
  }, 600_000);
  afterAll(async () => {
    await t?.close();
  });

  /** Whether the subject sees the review: on the list, and cleared for SECRET. Nothing else opens it. */
  const sees = (s: Subject) => s.onList && (s.clearance === 'SECRET' || s.clearance === 'TOP_SECRET');
  /** Whether the subject may act on it: sees it, and is clearinghouse staff (analyst or admin of the coordinating organisation). */
  const acts = (s: Subject) => sees(s) && s.org === 'authority' && s.role !== 'member';
  const code = (e: unknown) => (e as { code?: string }).code ?? 'OK';
  const outcome = (p: Promise<unknown>) => p.then(() => 'OK', code);

  it('has every combination', () => {
    expect(subjects).toHaveLength(4 * 2 * 3 * 3);
    expect(subjects.filter(sees)).toHaveLength(2 * 3 * 3);
    expect(reviewEvents.map((e) => e.type)).toEqual(['frontier_review.transitioned', 'frontier_review.access_granted', 'frontier_review.decided']);
  });

  it('get: the review and its history for the cleared on the list, 404 for everyone else', async () => {
    const wrong: string[] = [];
    for (const s of subjects) {
      const got = await getReview(ctx, s.p, reviewId).then((r) => (r.history.length === 4 && r.decision?.basis === BASIS ? 'OK' : 'partial'), code);
      if (got !== (sees(s) ? 'OK' : 'NOT_FOUND')) wrong.push(`${label(s)}: ${got}`);
    }
    expect(wrong).toEqual([]);
  });

  it('list, count and search: present for the cleared on the list, absent for everyone else', async () => {
    const wrong: string[] = [];
    const page = { limit: 50, offset: 0 };
    for (const s of subjects) {
      const all = await listReviews(ctx, s.p, {}, page);
      const byVersion = await listReviews(ctx, s.p, { versionId }, page);
      const byState = await listReviews(ctx, s.p, { state: 'designated' }, page);
      const search = await listReviews(ctx, s.p, { q: inquiryId.slice(-12) }, page);
      const want = sees(s) ? 1 : 0;
      for (const [what, r] of Object.entries({ all, byVersion, byState, search }))
        if (r.total !== want || r.items.length !== want || (want && r.items[0]!.id !== reviewId)) wrong.push(`${label(s)} ${what}: ${r.total}`);
    }
    expect(wrong).toEqual([]);
  });

  it('acting: 404 before any action check for who cannot see it, 403 for the cleared who are not staff, the move itself for staff', async () => {
    const wrong: string[] = [];
    for (const s of subjects) {
      // `start_review` on a designated review is a forbidden move: it changes nothing for anyone.
      const got = await outcome(transitionReviewBy(ctx, s.p, reviewId, { event: 'start_review' }));
      const want = !sees(s) ? 'NOT_FOUND' : acts(s) ? 'CONFLICT' : 'FORBIDDEN';
      if (got !== want) wrong.push(`${label(s)}: ${got}, want ${want}`);
      const decided = await outcome(decideReview(ctx, s.p, reviewId, { outcome: 'designated', basis: 'b', rationale: 'r', rationaleVisibility: 'none' }));
      if (decided !== want) wrong.push(`${label(s)} decide: ${decided}, want ${want}`);
    }
    expect(wrong).toEqual([]);
    // open, start_review, access_granted, designate: refused moves add nothing.
    expect((await getReview(ctx, subjects.find(acts)!.p, reviewId)).history.map((h) => h.event)).toEqual([
      'open',
      'start_review',
      'access_granted',
      'designate',
    ]);
  });

  it('the audit view: its entries only for cleared administrators on the list', async () => {
    const wrong: string[] = [];
    for (const s of subjects) {
      const got = await auditTrail(ctx, s.p, { recordType: 'frontier_review', recordId: reviewId, limit: 50, offset: 0 }).then(
        (r) => (r.total > 0 ? 'entries' : 'none'),
        code,
      );
      const byType = await auditTrail(ctx, s.p, { recordType: 'frontier_review', limit: 50, offset: 0 }).then((r) => r.total, code);
      // Audit trails are for administrators at all (a 403 for the rest, whatever the record).
      const want = s.role !== 'admin' ? 'FORBIDDEN' : sees(s) ? 'entries' : 'none';
      if (got !== want) wrong.push(`${label(s)}: ${got}, want ${want}`);
      if (s.role === 'admin' && !sees(s) && byType !== 0) wrong.push(`${label(s)} by type: ${byType}`);
    }
    expect(wrong).toEqual([]);
  });

  it('events (what streams and webhooks deliver, by the event’s marking): to the cleared on the list only; to no organisation', () => {
    const wrong: string[] = [];
    for (const s of subjects) for (const e of reviewEvents) if (canSee(viewerOf(s.p), e.marking) !== sees(s)) wrong.push(`${label(s)} ${e.type}`);
    for (const org of Object.values(orgIds)) {
      const hook: Viewer = { kind: 'organisation', organisationId: org, clientOf: null, coordinator: org === orgIds.authority };
      for (const e of reviewEvents) if (canSee(hook, e.marking)) wrong.push(`webhook of ${org} ${e.type}`);
    }
    expect(wrong).toEqual([]);
    expect(JSON.stringify(reviewEvents.map((e) => e.data))).not.toMatch(/MATRIX-CLASSIFIED/);
  });

  it('the inquiry and the outcome: the developer and the coordinators see them, never the review behind them', async () => {
    const wrong: string[] = [];
    for (const s of subjects) {
      const inquiry = await getInquiry(ctx, s.p, inquiryId).then((q) => q, code);
      const designation = await getVersionDesignation(ctx, s.p, versionId).then((d) => d, code);
      const list = await listInquiries(ctx, s.p, { versionId }, { limit: 10, offset: 0 });
      const listed = list.total;
      // The list (built set-based for the page) shows each inquiry exactly as the single read does.
      if (JSON.stringify(list.items) !== JSON.stringify(typeof inquiry === 'string' ? [] : [inquiry]))
        wrong.push(`${label(s)} listed item: ${JSON.stringify(list.items)}, read: ${JSON.stringify(inquiry)}`);
      const shared = s.org !== 'other';
      if (typeof inquiry === 'string' ? inquiry !== (shared ? 'OK' : 'NOT_FOUND') || shared : !shared)
        wrong.push(`${label(s)} inquiry: ${JSON.stringify(inquiry)}`);
      if (typeof inquiry !== 'string' && inquiry.reviewId !== (sees(s) ? reviewId : null)) wrong.push(`${label(s)} reviewId: ${inquiry.reviewId}`);
      if (listed !== (shared ? 1 : 0)) wrong.push(`${label(s)} inquiries listed: ${listed}`);
      if (typeof designation === 'string') {
        if (shared) wrong.push(`${label(s)} designation: ${designation}`);
      } else if (!shared || designation.rationale !== 'Covered.' || designation.outcome !== 'designated')
        wrong.push(`${label(s)} designation: ${JSON.stringify(designation)}`);
      if (/MATRIX-CLASSIFIED/.test(JSON.stringify([inquiry, designation]))) wrong.push(`${label(s)} sees classified text`);
    }
    expect(wrong).toEqual([]);
  });
});
