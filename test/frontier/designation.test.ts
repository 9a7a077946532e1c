import { count, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Principal } from '../../src/domain/identity/principal';
import { SYSTEM } from '../../src/domain/policy/viewer';
import { CONSIDER_REVIEW_JOB, considerReview } from '../../src/services/frontier/consider-review';
import { readDesignationSettings, setDesignationSettings } from '../../src/services/frontier/designation-settings';
import { getInquiry, getVersionDesignation, listInquiries, openInquiry, respondToDesignation, withdrawInquiry } from '../../src/services/frontier/inquiries';
import {
  decideReview,
  getReview,
  grantReviewAccess,
  listReviews,
  openReviewByHand,
  removeReviewAccess,
  transitionReviewBy,
} from '../../src/services/frontier/reviews';
import { addLineage } from '../../src/services/frontier/lineage';
import { createModel } from '../../src/services/frontier/models';
import { seedBuiltInRuleSets } from '../../src/services/frontier/rule-sets';
import { JOB_HANDLERS } from '../../src/services/jobs/worker';
import { listVisibleReviews } from '../../src/store/frontier/designation';
import { eventsAfter } from '../../src/store/outbox';
import { frontierCoverageInquiries, frontierDesignationReviews, frontierDesignations, frontierReviewHistory, jobs } from '../../src/store/schema/index';
import { canSee } from '../../src/domain/policy/visibility';
import { viewerOf } from '../../src/domain/identity/principal';
import { contextFor, DRIVERS } from '../helpers/databases';
import { databasePerFile } from '../helpers/database-per-file';
import { makeOrganisation, makePrincipal } from '../helpers/factories';
import { makeClearedAnalyst, makeFrontierVersion, setPanel } from './designation-world';

const BASIS = 'CLASSIFIED-BASIS: run 7 of the benchmark';
const RATIONALE = 'CLASSIFIED-RATIONALE: exceeds threshold T on task family F';
const SUMMARY = 'The model meets the criteria for a covered frontier model.';

describe.each(DRIVERS)('designation through the services on %s', (driver) => {
  const db = databasePerFile(driver);
  let ctx: ReturnType<typeof contextFor>;
  let platformAdmin: Principal;
  let analyst: Principal;
  let developer: Principal;
  let versionId: string;

  beforeEach(async () => {
    ctx = contextFor(db().database);
    await seedBuiltInRuleSets(ctx);
    const authority = (await makeOrganisation(ctx, { name: 'Authority', coordinator: true, kind: 'government_agency' })).id;
    platformAdmin = await makePrincipal(ctx, { organisationId: authority, role: 'admin' });
    analyst = await makeClearedAnalyst(ctx, authority);
    developer = await makePrincipal(ctx, { organisationId: (await makeOrganisation(ctx, { name: 'Lab', kind: 'ai_developer' })).id, role: 'member' });
    await setPanel(ctx, platformAdmin, [analyst]);
    versionId = (await makeFrontierVersion(ctx, developer)).versionId;
  });

  const reviewOf = async (v: string) => (await listVisibleReviews(ctx.db, SYSTEM, { versionId: v }, 10, 0)).items;
  const rows = async (table: typeof frontierCoverageInquiries | typeof frontierDesignationReviews) =>
    Number((await ctx.db.select({ n: count() }).from(table).where(eq(table.versionId, versionId)))[0]!.n);
  const decide = (p: Principal, id: string, over: Record<string, unknown> = {}) =>
    decideReview(ctx, p, id, { outcome: 'designated', basis: BASIS, rationale: RATIONALE, rationaleSummary: SUMMARY, rationaleVisibility: 'summary', ...over });

  it('an inquiry opens, in one transaction, a review on the panel and the developer’s outcome', async () => {
    const q = await openInquiry(ctx, developer, { versionId, question: 'Is our model covered?' });
    expect(q).toMatchObject({ versionId, state: 'open', answer: null, reviewId: null, designation: { outcome: 'under_review', rationale: null } });
    // The transparent rule sets' results on the declared facts (3e25 FLOP pre-training): the EU presumption applies.
    expect(q.evaluation?.find((e) => e.ruleSet === 'eu-ai-act-gpai-systemic-risk')).toMatchObject({ outcome: 'covered' });
    expect(q.evaluation?.find((e) => e.ruleSet === 'ca-sb53-frontier-model')).toMatchObject({ outcome: 'not_covered' });
    const [review] = await reviewOf(versionId);
    expect(review).toMatchObject({
      state: 'proposed',
      trigger: 'inquiry',
      inquiryId: q.id,
      accessUsers: [analyst.userId],
      tlp: 'RED',
      classification: 2,
      createdBy: null,
    });
    // The analyst sees the inquiry (the coordinators share it) with the review it went to.
    expect((await getInquiry(ctx, analyst, q.id)).reviewId).toBe(review!.id);
    expect((await listInquiries(ctx, developer, { versionId }, { limit: 10, offset: 0 })).total).toBe(1);
    expect(await getVersionDesignation(ctx, developer, versionId)).toMatchObject({ outcome: 'under_review', rationaleVisibility: 'none' });
  });

  it('refuses an inquiry without a panel, and writes nothing', async () => {
    await setDesignationSettings(ctx, platformAdmin, { classification: 'SECRET', panelUserIds: [] });
    await expect(openInquiry(ctx, developer, { versionId, question: 'Covered?' })).rejects.toMatchObject({
      code: 'CONFLICT',
      details: [{ path: '/panelUserIds' }],
    });
    expect(await rows(frontierCoverageInquiries)).toBe(0);
    expect(await rows(frontierDesignationReviews)).toBe(0);
    expect(await ctx.db.select().from(frontierDesignations).where(eq(frontierDesignations.versionId, versionId))).toEqual([]);
  });

  it('an inquiry is the developer’s: other organisations get 404, its viewers and blank questions are refused', async () => {
    const other = await makePrincipal(ctx, { role: 'admin' });
    await expect(openInquiry(ctx, other, { versionId, question: 'Covered?' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const viewer = await makePrincipal(ctx, { organisationId: developer.organisationId, role: 'viewer' });
    await expect(openInquiry(ctx, viewer, { versionId, question: 'Covered?' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(openInquiry(ctx, developer, { versionId, question: '   ' })).rejects.toMatchObject({ code: 'VALIDATION', details: [{ path: '/question' }] });
    expect(await rows(frontierCoverageInquiries)).toBe(0);
  });

  it('walks every transition, and the developer sees the outcome and only the rationale its visibility allows', async () => {
    const q = await openInquiry(ctx, developer, { versionId, question: 'Covered?' });
    const id = (await reviewOf(versionId))[0]!.id;
    expect((await transitionReviewBy(ctx, analyst, id, { event: 'start_review' })).state).toBe('under_review');

    // Deferred: evidence asked of the developer, which sees what is needed (summary).
    expect((await decide(analyst, id, { outcome: 'deferred', rationaleSummary: 'Send the cyber evaluation logs.' })).state).toBe('deferred');
    expect(await getVersionDesignation(ctx, developer, versionId)).toMatchObject({ outcome: 'deferred', rationale: 'Send the cyber evaluation logs.' });
    expect((await getInquiry(ctx, developer, q.id)).answer).toMatchObject({ outcome: 'deferred', rationale: 'Send the cyber evaluation logs.' });
    expect((await getInquiry(ctx, developer, q.id)).state).toBe('answered');

    // The developer sends evidence: back under review.
    expect(await respondToDesignation(ctx, developer, versionId, { kind: 'evidence', note: 'Logs uploaded to the registry.' })).toMatchObject({
      outcome: 'under_review',
      rationale: null,
    });
    expect((await getReview(ctx, analyst, id)).state).toBe('under_review');

    // Designated, with a summary for the developer.
    const designated = await decide(analyst, id);
    expect(designated).toMatchObject({
      state: 'designated',
      decision: { decidedBy: analyst.userId, basis: BASIS, rationale: RATIONALE, rationaleVisibility: 'summary' },
    });
    const seen = await getVersionDesignation(ctx, developer, versionId);
    expect(seen).toMatchObject({ outcome: 'designated', rationaleVisibility: 'summary', rationale: SUMMARY });
    expect(JSON.stringify(seen)).not.toMatch(/CLASSIFIED-/);

    // Rebuttal: the decision stands while it is reviewed.
    await respondToDesignation(ctx, developer, versionId, { kind: 'rebuttal', note: 'Our evaluation differs.' });
    expect((await getReview(ctx, analyst, id)).state).toBe('rebuttal_requested');
    expect((await getVersionDesignation(ctx, developer, versionId)).outcome).toBe('designated');
    expect((await transitionReviewBy(ctx, analyst, id, { event: 'review_rebuttal', note: 'Read it.' })).state).toBe('rebuttal_reviewed');
    await decide(analyst, id, { outcome: 'not_designated', rationaleVisibility: 'full', rationale: 'Rebuttal accepted: the score was mis-measured.' });
    expect(await getVersionDesignation(ctx, developer, versionId)).toMatchObject({
      outcome: 'not_designated',
      rationale: 'Rebuttal accepted: the score was mis-measured.',
    });

    // Reassessment by hand, then decided again with no rationale for the developer.
    const reopened = await transitionReviewBy(ctx, analyst, id, { event: 'reassess', note: 'New checkpoint announced.' });
    expect(reopened).toMatchObject({ state: 'under_review', reassessments: 1, trigger: 'manual' });
    expect((await getVersionDesignation(ctx, developer, versionId)).outcome).toBe('not_designated');
    await decide(analyst, id, { rationaleVisibility: 'none', rationaleSummary: null });
    expect(await getVersionDesignation(ctx, developer, versionId)).toMatchObject({ outcome: 'designated', rationaleVisibility: 'none', rationale: null });
    // A second rebuttal path: rebut a designation, then reassess is not allowed mid-rebuttal.
    await transitionReviewBy(ctx, analyst, id, { event: 'request_rebuttal', note: 'By phone.' });
    await expect(transitionReviewBy(ctx, analyst, id, { event: 'reassess' })).rejects.toMatchObject({ code: 'CONFLICT' });

    const r = await getReview(ctx, analyst, id);
    expect(r.history.map((h) => `${h.from ?? '-'}>${h.event}>${h.to}`)).toEqual([
      '->open>proposed',
      'proposed>start_review>under_review',
      'under_review>defer>deferred',
      'deferred>evidence_received>under_review',
      'under_review>designate>designated',
      'designated>request_rebuttal>rebuttal_requested',
      'rebuttal_requested>review_rebuttal>rebuttal_reviewed',
      'rebuttal_reviewed>not_designate>not_designated',
      'not_designated>reassess>under_review',
      'under_review>designate>designated',
      'designated>request_rebuttal>rebuttal_requested',
    ]);
    expect(r.history[3]).toMatchObject({ actor: { userId: developer.userId }, note: 'Logs uploaded to the registry.' });
    expect(r.history[4]!.decision).toMatchObject({ basis: BASIS, rationaleVisibility: 'summary' });

    // Nothing the developer can receive carries the classified text.
    const leaks = (await eventsAfter(ctx.db, 0, 100_000)).filter(
      (e) => canSee(viewerOf(developer), e.marking) && /CLASSIFIED-|Our evaluation differs/.test(JSON.stringify(e.data)),
    );
    expect(leaks).toEqual([]);
  });

  it('refuses forbidden moves with 409 and bad decisions with 400 naming each field, writing nothing', async () => {
    await openInquiry(ctx, developer, { versionId, question: 'Covered?' });
    const id = (await reviewOf(versionId))[0]!.id;
    const history = async () => (await ctx.db.select().from(frontierReviewHistory).where(eq(frontierReviewHistory.reviewId, id))).length;
    const before = await history();
    await expect(decide(analyst, id)).rejects.toMatchObject({ code: 'CONFLICT', details: [{ path: '/event' }] });
    await expect(transitionReviewBy(ctx, analyst, id, { event: 'review_rebuttal' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(transitionReviewBy(ctx, analyst, id, { event: 'designate' })).rejects.toMatchObject({ code: 'VALIDATION', details: [{ path: '/event' }] });
    await transitionReviewBy(ctx, analyst, id, { event: 'start_review' });
    const bad = await decide(analyst, id, { basis: ' ', rationale: '', rationaleSummary: null }).catch((e: unknown) => e);
    expect(bad).toMatchObject({ code: 'VALIDATION' });
    expect((bad as { details: { path: string }[] }).details.map((d) => d.path)).toEqual(['/basis', '/rationale', '/rationaleSummary']);
    const secret = await decide(analyst, id, { outcome: 'deferred', rationaleVisibility: 'none' }).catch((e: unknown) => e);
    expect(JSON.stringify(secret) + String((secret as Error).message)).not.toMatch(/CLASSIFIED-/);
    await expect(respondToDesignation(ctx, developer, versionId, { kind: 'rebuttal', note: 'x' })).rejects.toMatchObject({
      code: 'CONFLICT',
      details: [{ path: '/kind' }],
    });
    expect(await history()).toBe(before + 1);
    expect((await getReview(ctx, analyst, id)).state).toBe('under_review');
    expect((await getVersionDesignation(ctx, developer, versionId)).outcome).toBe('under_review');
  });

  it('a decision needs a cleared staff member: uncleared admins do not even see the review, cleared members are refused', async () => {
    await openInquiry(ctx, developer, { versionId, question: 'Covered?' });
    const id = (await reviewOf(versionId))[0]!.id;
    // Put people on the access list directly (the service refuses to name the uncleared).
    const unclearedAdmin = await makePrincipal(ctx, { organisationId: platformAdmin.organisationId, role: 'admin', clearance: 'CONFIDENTIAL' });
    const clearedMember = await makePrincipal(ctx, { organisationId: platformAdmin.organisationId, role: 'member', clearance: 'TOP_SECRET' });
    await ctx.db
      .update(frontierDesignationReviews)
      .set({ accessUsers: [analyst.userId, unclearedAdmin.userId, clearedMember.userId] })
      .where(eq(frontierDesignationReviews.id, id));
    await expect(getReview(ctx, unclearedAdmin, id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(decide(unclearedAdmin, id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getReview(ctx, platformAdmin, id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(transitionReviewBy(ctx, platformAdmin, id, { event: 'start_review' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await getReview(ctx, clearedMember, id)).id).toBe(id);
    await expect(transitionReviewBy(ctx, clearedMember, id, { event: 'start_review' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // A clearance lowered later closes the review at once.
    const { updateUserStanding } = await import('../../src/services/users');
    await updateUserStanding(ctx, platformAdmin, analyst.userId, { clearance: 'CONFIDENTIAL' });
    await expect(getReview(ctx, { ...analyst, clearance: 'CONFIDENTIAL' }, id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('names only cleared, active users on an access list; the named see the review and its history', async () => {
    await openInquiry(ctx, developer, { versionId, question: 'Covered?' });
    const id = (await reviewOf(versionId))[0]!.id;
    const confidential = await makePrincipal(ctx, { organisationId: analyst.organisationId, role: 'analyst', clearance: 'CONFIDENTIAL' });
    const secret = await makeClearedAnalyst(ctx, analyst.organisationId);
    await expect(getReview(ctx, secret, id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(grantReviewAccess(ctx, analyst, id, [secret.userId, confidential.userId, '00000000-0000-7000-8000-000000000000'])).rejects.toMatchObject({
      code: 'VALIDATION',
      details: [{ path: '/users/1' }, { path: '/users/2' }],
    });
    await expect(getReview(ctx, secret, id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const granted = await grantReviewAccess(ctx, analyst, id, [secret.userId]);
    expect(granted.accessUsers).toEqual([analyst.userId, secret.userId]);
    expect((await getReview(ctx, secret, id)).history.map((h) => h.event)).toEqual(['open', 'access_granted']);
    expect((await listReviews(ctx, secret, { versionId }, { limit: 10, offset: 0 })).total).toBe(1);
  });

  it('takes users off an access list (never the last cleared one); grants and removals are in the history, audited', async () => {
    await openInquiry(ctx, developer, { versionId, question: 'Covered?' });
    const id = (await reviewOf(versionId))[0]!.id;
    const second = await makeClearedAnalyst(ctx, analyst.organisationId);
    // The last cleared user cannot be taken off, not even by themself.
    await expect(removeReviewAccess(ctx, analyst, id, analyst.userId)).rejects.toMatchObject({ code: 'CONFLICT', details: [{ path: '/userId' }] });
    await expect(removeReviewAccess(ctx, analyst, id, second.userId)).rejects.toMatchObject({ code: 'VALIDATION', details: [{ path: '/userId' }] });
    await expect(removeReviewAccess(ctx, second, id, analyst.userId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(removeReviewAccess(ctx, developer, id, analyst.userId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await grantReviewAccess(ctx, analyst, id, [second.userId, second.userId]);
    // Granting someone already named adds no history entry.
    await grantReviewAccess(ctx, analyst, id, [second.userId]);
    const removed = await removeReviewAccess(ctx, second, id, analyst.userId);
    expect(removed.accessUsers).toEqual([second.userId]);
    await expect(getReview(ctx, analyst, id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await listReviews(ctx, analyst, { versionId }, { limit: 10, offset: 0 })).total).toBe(0);
    const { history } = await getReview(ctx, second, id);
    expect(history.map((h) => [h.event, h.from, h.to, h.note, h.actor.userId])).toEqual([
      ['open', null, 'proposed', expect.any(String), developer.userId],
      ['access_granted', 'proposed', 'proposed', second.userId, analyst.userId],
      ['access_removed', 'proposed', 'proposed', analyst.userId, second.userId],
    ]);
    // Alone again: the remaining analyst cannot remove themself.
    await expect(removeReviewAccess(ctx, second, id, second.userId)).rejects.toMatchObject({ code: 'CONFLICT' });
    // A user whose clearance was lowered does not count as cleared.
    await grantReviewAccess(ctx, second, id, [analyst.userId]);
    const { updateUserStanding } = await import('../../src/services/users');
    await updateUserStanding(ctx, platformAdmin, analyst.userId, { clearance: 'CONFIDENTIAL' });
    await expect(removeReviewAccess(ctx, second, id, second.userId)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await removeReviewAccess(ctx, second, id, analyst.userId)).accessUsers).toEqual([second.userId]);
    // Audited, and the removal event is not shown to the removed user.
    const events = (await eventsAfter(ctx.db, 0, 1_000_000)).filter((e) => e.type === 'frontier_review.access_removed');
    expect(events.map((e) => e.data)).toEqual([
      { id, versionId, accessCount: 1 },
      { id, versionId, accessCount: 1 },
    ]);
    expect(events.some((e) => canSee(viewerOf({ ...analyst, clearance: 'TOP_SECRET' }), e.marking))).toBe(false);
    expect(events.every((e) => canSee(viewerOf(second), e.marking))).toBe(true);
  });

  it('an analyst opens a review by hand for the users it names; the panel’s settings are for platform admins', async () => {
    await expect(openReviewByHand(ctx, developer, { versionId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const mine = await openReviewByHand(ctx, analyst, { versionId, detail: 'Press reports of autonomous exploitation.' });
    expect(mine).toMatchObject({ trigger: 'manual', state: 'proposed', createdBy: analyst.userId, accessUsers: [], classification: 'SECRET' });
    const panelist = await makeClearedAnalyst(ctx, analyst.organisationId);
    await expect(getReview(ctx, panelist, mine.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(readDesignationSettings(ctx, analyst)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(setDesignationSettings(ctx, analyst, { classification: 'SECRET', panelUserIds: [] })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(setDesignationSettings(ctx, platformAdmin, { classification: 'TOP_SECRET', panelUserIds: [analyst.userId] })).rejects.toMatchObject({
      code: 'VALIDATION',
      details: [{ path: '/panelUserIds/0', message: 'must be an active user cleared for TOP_SECRET' }],
    });
    expect(await readDesignationSettings(ctx, platformAdmin)).toMatchObject({ classification: 'SECRET', panelUserIds: [analyst.userId] });
  });

  it('derivatives of a designated version get a consider-review job: on the lineage edge, and when the parent is designated later', async () => {
    const handler = JOB_HANDLERS[CONSIDER_REVIEW_JOB]!;
    const small = [{ key: 'parameters', value: 7e9, unit: 'parameters', method: 'declared' as const }];
    const child = async (name: string) => (await createModel(ctx, developer, { name, versions: [{ version: '1.0', facts: small }] })).versions[0]!.id;
    const derivativeJobs = async () =>
      (await ctx.db.select().from(jobs).where(eq(jobs.kind, CONSIDER_REVIEW_JOB)))
        .map((j) => j.payload as { versionId: string; trigger: string; detail: string })
        .filter((j) => j.trigger === 'derivative');
    // A child recorded before the parent is designated: no job yet.
    const early = await child('early-distillation');
    await addLineage(ctx, developer, early, { parentVersionId: versionId, kind: 'distilled_from' });
    expect(await derivativeJobs()).toEqual([]);
    // The parent is designated: the decision enqueues one job per child version.
    await openInquiry(ctx, developer, { versionId, question: 'Covered?' });
    const parentReview = (await reviewOf(versionId))[0]!.id;
    await transitionReviewBy(ctx, analyst, parentReview, { event: 'start_review' });
    await decide(analyst, parentReview, { outcome: 'not_designated' });
    expect(await derivativeJobs()).toEqual([]);
    await transitionReviewBy(ctx, analyst, parentReview, { event: 'reassess' });
    await decide(analyst, parentReview);
    expect(await derivativeJobs()).toEqual([{ versionId: early, trigger: 'derivative', detail: versionId }]);
    // The job handler opens the child's review on the panel.
    expect(await handler(ctx, (await derivativeJobs())[0]!, 1, false)).toEqual({ status: 'done' });
    expect(await reviewOf(early)).toMatchObject([{ state: 'proposed', trigger: 'derivative', detail: versionId, accessUsers: [analyst.userId] }]);
    // A lineage edge naming the designated parent enqueues at once.
    const late = await child('late-fine-tune');
    await addLineage(ctx, developer, late, { parentVersionId: versionId, kind: 'fine_tune_of' });
    const forLate = (await derivativeJobs()).filter((j) => j.versionId === late);
    expect(forLate).toEqual([{ versionId: late, trigger: 'derivative', detail: versionId }]);
    expect(await handler(ctx, forLate[0]!, 1, false)).toEqual({ status: 'done' });
    expect(await reviewOf(late)).toMatchObject([{ trigger: 'derivative', detail: versionId }]);
  });

  it('a version not shared with the panel: the inquiry is refused with 409 naming /versionId, the job opens nothing; outcomes reach no further than the version', async () => {
    const facts = [{ key: 'trainingCompute.pretraining', value: 3e25, unit: 'FLOP', method: 'estimated' as const }];
    const hidden = (
      await createModel(ctx, developer, { name: 'private-model', marking: { tlp: 'AMBER+STRICT', coordinators: false }, versions: [{ version: '1.0', facts }] })
    ).versions[0]!.id;
    await expect(openInquiry(ctx, developer, { versionId: hidden, question: 'Covered?' })).rejects.toMatchObject({
      code: 'CONFLICT',
      details: [{ path: '/versionId' }],
    });
    const inquiries = await ctx.db.select().from(frontierCoverageInquiries).where(eq(frontierCoverageInquiries.versionId, hidden));
    expect(inquiries).toEqual([]);
    expect(await ctx.db.select().from(frontierDesignations).where(eq(frontierDesignations.versionId, hidden))).toEqual([]);
    // The rule result's job: nobody on the panel can see the version, so no review names it; the job is done.
    expect(await considerReview(ctx, { versionId: hidden, trigger: 'rule_result', detail: 'eu-ai-act-gpai-systemic-risk' })).toBe('not_shared');
    expect(await JOB_HANDLERS[CONSIDER_REVIEW_JOB]!(ctx, { versionId: hidden, trigger: 'rule_result', detail: '' }, 1, false)).toEqual({ status: 'done' });
    expect(await reviewOf(hidden)).toEqual([]);

    // Shared with the authority's organisation only: the inquiry goes through; the outcome and the
    // inquiry are shared with the authority, not with every coordinator.
    const shared = (
      await createModel(ctx, developer, {
        name: 'shared-with-authority',
        marking: { tlp: 'AMBER+STRICT', coordinators: false, access: { organisations: [analyst.organisationId] } },
        versions: [{ version: '1.0', facts }],
      })
    ).versions[0]!.id;
    const q = await openInquiry(ctx, developer, { versionId: shared, question: 'Covered?' });
    expect(await reviewOf(shared)).toMatchObject([{ accessUsers: [analyst.userId] }]);
    const [outcome] = await ctx.db.select().from(frontierDesignations).where(eq(frontierDesignations.versionId, shared));
    expect(outcome).toMatchObject({ coordinators: false, accessOrganisations: [analyst.organisationId] });
    const otherCoordinator = await makePrincipal(ctx, {
      organisationId: (await makeOrganisation(ctx, { name: 'Other coordinator', coordinator: true })).id,
      role: 'analyst',
    });
    await expect(getInquiry(ctx, otherCoordinator, q.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await getInquiry(ctx, analyst, q.id)).id).toBe(q.id);
    const events = (await eventsAfter(ctx.db, 0, 1_000_000)).filter((e) => e.data.versionId === shared || e.data.versionId === hidden);
    expect(events.length).toBeGreaterThan(0);
    expect(events.filter((e) => canSee(viewerOf(otherCoordinator), e.marking)).map((e) => e.type)).toEqual([]);
  });

  it('the consider-review job opens a review on the panel, joins an open one, and reopens a decided one for reassessment', async () => {
    const handler = JOB_HANDLERS[CONSIDER_REVIEW_JOB]!;
    expect(await handler(ctx, { versionId, trigger: 'rule_result', detail: 'us-eo14409-proxy' }, 1, false)).toEqual({ status: 'done' });
    const [opened] = await reviewOf(versionId);
    expect(opened).toMatchObject({ state: 'proposed', trigger: 'rule_result', detail: 'us-eo14409-proxy', accessUsers: [analyst.userId], createdBy: null });
    expect((await getReview(ctx, analyst, opened!.id)).history[0]!.actor).toEqual({ userId: null, label: 'system:designation' });
    // No outcome for the developer until someone decides or it asks.
    await expect(getVersionDesignation(ctx, developer, versionId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await considerReview(ctx, { versionId, trigger: 'checkpoint', detail: 'sha256:aa' })).toBe('joined');
    expect(await reviewOf(versionId)).toHaveLength(1);

    await transitionReviewBy(ctx, analyst, opened!.id, { event: 'start_review' });
    await decide(analyst, opened!.id);
    expect(await considerReview(ctx, { versionId, trigger: 'checkpoint', detail: 'sha256:bb' })).toBe('reassessed');
    expect((await reviewOf(versionId))[0]).toMatchObject({ state: 'under_review', trigger: 'checkpoint', detail: 'sha256:bb', reassessments: 1 });
    // The decision stands for the developer while it is reassessed.
    expect((await getVersionDesignation(ctx, developer, versionId)).outcome).toBe('designated');

    expect(await handler(ctx, { versionId: 'nope', trigger: 'rule_result' }, 1, false)).toMatchObject({ status: 'dead' });
    expect(await handler(ctx, { versionId, trigger: 'whim' }, 1, false)).toMatchObject({ status: 'dead' });
    expect(await considerReview(ctx, { versionId: '00000000-0000-7000-8000-000000000000', trigger: 'derivative', detail: '' })).toBe('missing');
    const fresh = (await makeFrontierVersion(ctx, developer)).versionId;
    await setDesignationSettings(ctx, platformAdmin, { classification: 'SECRET', panelUserIds: [] });
    expect(await handler(ctx, { versionId: fresh, trigger: 'derivative', detail: versionId }, 1, false)).toMatchObject({ status: 'retry' });
    expect(await reviewOf(fresh)).toEqual([]);
  });

  it('a developer withdraws an open inquiry, once', async () => {
    const q = await openInquiry(ctx, developer, { versionId, question: 'Covered?' });
    const colleague = await makePrincipal(ctx, { organisationId: developer.organisationId, role: 'member' });
    await expect(withdrawInquiry(ctx, analyst, q.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await withdrawInquiry(ctx, colleague, q.id)).state).toBe('withdrawn');
    await expect(withdrawInquiry(ctx, developer, q.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    const outsider = await makePrincipal(ctx);
    await expect(withdrawInquiry(ctx, outsider, q.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
