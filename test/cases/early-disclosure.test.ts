import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { stateDigest } from '../../src/domain/audit/canonical';
import { viewerOf } from '../../src/domain/identity/principal';
import { canSee } from '../../src/domain/policy/visibility';
import { SYSTEM } from '../../src/domain/policy/viewer';
import { publishAdvisory, publishScheduledJob, scheduleAdvisory } from '../../src/services/advisories/publication';
import { getAdvisory, getPublishedAdvisory } from '../../src/services/advisories/reads';
import { transitionCaseBy } from '../../src/services/cases/lifecycle';
import { getCase } from '../../src/services/cases/reads';
import { embargoDeadline } from '../../src/services/cases/reminders';
import { caseView } from '../../src/services/cases/views';
import { chainHead, chainPage } from '../../src/store/audit';
import { findVisibleCase } from '../../src/store/cases/cases';
import { eventsAfter } from '../../src/store/outbox';
import { advisoryContent } from '../advisories/fixtures';
import { databasePerFile } from '../helpers/database-per-file';
import { DRIVERS } from '../helpers/databases';
import { makeCase, makeCaseAdvisory, makeOrganisation } from '../helpers/factories';
import { aiFinding, intakeWorld, type IntakeWorld, personIn } from '../intake/world';
import { caseWorld, type CaseWorld } from './world';

/**
 * Issue 9 item 18: "publish now" and "disclose now" under an agreed embargo need the agreed
 * date repeated and a reason; with them, the advisory, the case and the embargo move in one
 * transaction, every participant is told, and the audit trail keeps the reason.
 */
describe.each(DRIVERS)('ending an agreed embargo early on %s', (driver) => {
  const db = databasePerFile(driver);
  let w: CaseWorld;
  beforeEach(async () => {
    w = await caseWorld(db(), 2);
  }, 60_000);

  /** A case with both vendors invited, the default date agreed, and its advisory drafted (scheduled at that date). */
  const embargoedCase = async (pkg: string) => {
    const made = await makeCaseAdvisory(w.ctx, {
      analyst: w.analyst,
      reportIds: [await w.acceptedReport()],
      vendors: w.vendors,
      embargo: 'agreed',
      title: `Early ${pkg}`,
      pkg,
    });
    expect(made.case).toMatchObject({ state: 'scheduled', embargo: { state: 'active', publicAt: made.agreedPublicAt } });
    return { caseId: made.id, advisoryId: made.advisory.id, agreed: made.agreedPublicAt! };
  };
  const lastSeq = async () => (await eventsAfter(w.ctx.db, 0, 1_000_000)).at(-1)?.seq ?? 0;

  it('refuses "publish now" without the agreed date and a reason, naming both and the date, and writes nothing', async () => {
    const { caseId, advisoryId, agreed } = await embargoedCase('early-refused');
    const head = await chainHead(w.ctx.db);
    const none = await publishAdvisory(w.ctx, w.analyst, advisoryId).catch((e) => e);
    expect(none).toMatchObject({ code: 'CONFLICT' });
    expect(none.message).toContain(agreed);
    expect(none.details.map((d: { path: string }) => d.path)).toEqual(['/confirmEmbargoEnd', '/reason']);
    expect(none.details[0].message).toContain(agreed);
    const wrongDate = new Date(Date.parse(agreed) - 86_400_000).toISOString();
    await expect(publishAdvisory(w.ctx, w.analyst, advisoryId, { confirmEmbargoEnd: wrongDate, reason: 'exploited' })).rejects.toMatchObject({
      code: 'CONFLICT',
      details: [{ path: '/confirmEmbargoEnd' }],
    });
    await expect(publishAdvisory(w.ctx, w.analyst, advisoryId, { confirmEmbargoEnd: agreed, reason: '   ' })).rejects.toMatchObject({
      code: 'VALIDATION',
      details: [{ path: '/reason' }],
    });
    // a schedule before the agreed date is no way round it
    await expect(scheduleAdvisory(w.ctx, w.analyst, advisoryId, new Date(w.ctx.clock.now.getTime() + 60_000))).rejects.toMatchObject({
      code: 'VALIDATION',
      details: [{ path: '/publishAt' }],
    });
    expect(await chainHead(w.ctx.db)).toEqual(head);
    expect(await getCase(w.ctx, w.analyst, caseId)).toMatchObject({ state: 'scheduled', embargo: { state: 'active' } });
    expect((await getAdvisory(w.ctx, viewerOf(w.analyst), advisoryId)).state).toBe('scheduled');
  });

  it('with them, publishes, discloses the case and exits the embargo at once, tells every participant, and audits the reason', async () => {
    const [a, b] = w.vendors;
    const { caseId, advisoryId, agreed } = await embargoedCase('early-published');
    const since = await lastSeq();
    const auditFrom = (await chainHead(w.ctx.db))!.seq;
    const reason = 'Exploited in the wild since this morning (CISA KEV)';
    const published = await publishAdvisory(w.ctx, w.analyst, advisoryId, { confirmEmbargoEnd: agreed, reason });
    expect(published).toMatchObject({ state: 'published', marking: { tlp: 'CLEAR' } });
    expect(published.id).toMatch(/^AISC-2026-\d{5}$/);
    expect((await getPublishedAdvisory(w.ctx, published.id)).id).toBe(published.id);
    const c = await getCase(w.ctx, a!, caseId);
    expect(c).toMatchObject({ state: 'disclosed', embargo: { state: 'exited', publicAt: agreed }, advisoryId: published.id, disclosureReason: reason });

    const ended = (await eventsAfter(w.ctx.db, since, 1000)).filter((e) => e.type === 'embargo.ended' && e.recordId === caseId);
    expect(ended).toHaveLength(1);
    expect(ended[0]!.data).toMatchObject({ early: true, reason, publicAt: agreed, advisoryId: published.id, state: 'disclosed' });
    for (const who of [w.analyst, a!, b!]) expect(canSee(viewerOf(who), ended[0]!.marking)).toBe(true);
    expect(canSee(viewerOf(w.outsider), ended[0]!.marking)).toBe(false);

    const audit = (await chainPage(w.ctx.db, auditFrom, 100)).filter((e) => e.recordId === caseId || e.recordId === published.id);
    expect(audit.map((e) => e.action).sort()).toEqual(['advisory.published', 'case.transitioned', 'embargo.ended']);
    expect(new Set(audit.map((e) => e.seq - audit[0]!.seq))).toEqual(new Set([0, 1, 2]));
    const entry = audit.find((e) => e.action === 'embargo.ended')!;
    expect(entry.actorUserId).toBe(w.analyst.userId);
    const row = (await findVisibleCase(w.ctx.db, SYSTEM, caseId))!;
    expect(entry.afterDigest).toBe(stateDigest(caseView(row, true)));
    expect(caseView(row, true).disclosureReason).toBe(reason);

    // the old embargo's deadline and the advisory's old schedule then do nothing
    const head = await chainHead(w.ctx.db);
    w.ctx.clock.now = new Date(Date.parse(agreed) + 1000);
    expect(await embargoDeadline(w.ctx, caseId, agreed, 'end')).toBe(false);
    expect(await publishScheduledJob(w.ctx, { advisoryId, publishAt: agreed }, 1, false)).toEqual({ status: 'done' });
    expect(await chainHead(w.ctx.db)).toEqual(head);
  });

  it('"disclose now" on the case needs the same confirmation, and publishes its scheduled advisory in the same transaction', async () => {
    const [a, b] = w.vendors;
    const { caseId, advisoryId, agreed } = await embargoedCase('early-disclosed');
    const head = await chainHead(w.ctx.db);
    const refused = await transitionCaseBy(w.ctx, w.analyst, caseId, { event: 'disclose' }).catch((e) => e);
    expect(refused).toMatchObject({ code: 'CONFLICT' });
    expect(refused.details.map((d: { path: string }) => d.path)).toEqual(['/confirmEmbargoEnd', '/reason']);
    await expect(transitionCaseBy(w.ctx, w.analyst, caseId, { event: 'disclose', confirmEmbargoEnd: agreed })).rejects.toMatchObject({
      code: 'VALIDATION',
      details: [{ path: '/reason' }],
    });
    expect(await chainHead(w.ctx.db)).toEqual(head);

    const since = await lastSeq();
    const reason = 'The vendor shipped the fix and its release notes describe the bug';
    const c = await transitionCaseBy(w.ctx, w.analyst, caseId, { event: 'disclose', confirmEmbargoEnd: agreed, reason });
    expect(c).toMatchObject({ state: 'disclosed', embargo: { state: 'exited' }, disclosureReason: reason });
    expect(c.advisoryId).toMatch(/^AISC-2026-\d{5}$/);
    const advisory = await getPublishedAdvisory(w.ctx, c.advisoryId!);
    expect(advisory).toMatchObject({ state: 'published' });
    expect((await getAdvisory(w.ctx, viewerOf(w.analyst), advisoryId)).id).toBe(c.advisoryId);
    const events = (await eventsAfter(w.ctx.db, since, 1000)).filter((e) => e.recordId === caseId || e.recordId === c.advisoryId);
    expect(events.map((e) => e.type).sort()).toEqual(['advisory.published', 'case.transitioned', 'embargo.ended']);
    const ended = events.find((e) => e.type === 'embargo.ended')!;
    expect(ended.data).toMatchObject({ early: true, reason, publicAt: agreed });
    expect([a!, b!].every((v) => canSee(viewerOf(v), ended.marking))).toBe(true);
  });

  it('asks nothing when no date is agreed yet (a proposal binds nobody)', async () => {
    const opened = await makeCase(w.ctx, { analyst: w.analyst, reportIds: [await w.acceptedReport()], vendors: w.vendors, title: 'No agreement yet' });
    expect((await getCase(w.ctx, w.analyst, opened.id)).embargo.state).toBe('proposed');
    expect(await transitionCaseBy(w.ctx, w.analyst, opened.id, { event: 'disclose' })).toMatchObject({
      state: 'disclosed',
      disclosureReason: null,
      embargo: { state: 'none' },
    });
    // the proposal nobody agreed to is declined, not left open on a public case
    expect((await getCase(w.ctx, w.analyst, opened.id)).proposals.map((p) => p.status)).toEqual(['declined']);
  });
});

describe('ending an agreed embargo early over HTTP', () => {
  // One server for the file (starting one is the slow part); each test has a vendor of its own.
  let w: IntakeWorld;
  let vendor: { token: string; org: string };
  beforeAll(async () => {
    w = await intakeWorld({}, { now: () => new Date('2026-06-01T12:00:00.000Z') });
  });
  afterAll(() => w?.close());
  beforeEach(async () => {
    const org = await makeOrganisation(w.server.server.runtime.ctx, { name: 'Vendor early http' });
    vendor = { ...(await personIn(w.server, org.id, 'admin', ['read', 'write'])), org: org.id };
  });

  const embargoedCase = async (pkg: string) => {
    const reportId = (await w.call(w.reporterA, 'POST', '/api/findings', aiFinding())).json.reportId as string;
    await w.call(w.analyst, 'POST', `/api/reports/${reportId}/transitions`, { event: 'start-triage' });
    await w.call(w.analyst, 'POST', `/api/reports/${reportId}/transitions`, { event: 'accept' });
    const caseId = (await w.call(w.analyst, 'POST', '/api/cases', { title: `Early ${pkg}`, summary: 's', reportIds: [reportId] })).json.id as string;
    await w.call(w.analyst, 'POST', `/api/cases/${caseId}/vendors`, { organisations: [vendor.org] });
    const proposal = (await w.call(w.analyst, 'GET', `/api/cases/${caseId}`)).json.proposals[0];
    expect((await w.call(w.analyst, 'POST', `/api/cases/${caseId}/embargo/decision`, { decision: 'adopt', proposalId: proposal.id })).status).toBe(200);
    const drafted = await w.call(w.analyst, 'POST', `/api/cases/${caseId}/advisory`, { content: advisoryContent(pkg) });
    expect(drafted.status).toBe(201);
    return { caseId, advisoryId: drafted.json.advisory.id as string, agreed: proposal.publicAt as string };
  };

  it('answers 409 problem+json naming the fields and the agreed date; with them, publishes and discloses', async () => {
    const { caseId, advisoryId, agreed } = await embargoedCase('early-http');
    const refused = await w.call(w.analyst, 'POST', `/api/advisories/${advisoryId}/publish`);
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.json.detail).toContain(agreed);
    expect(refused.json.errors.map((e: { path: string }) => e.path)).toEqual(['/confirmEmbargoEnd', '/reason']);
    const done = await w.call(w.analyst, 'POST', `/api/advisories/${advisoryId}/publish`, { confirmEmbargoEnd: agreed, reason: 'exploited in the wild' });
    expect(done.status, done.text).toBe(200);
    expect(done.json.id).toMatch(/^AISC-2026-\d{5}$/);
    expect((await w.call(vendor.token, 'GET', `/api/cases/${caseId}`)).json).toMatchObject({
      state: 'disclosed',
      embargo: { state: 'exited' },
      advisoryId: done.json.id,
      disclosureReason: 'exploited in the wild',
    });
  });

  it('refuses "disclose now" on the case the same way', async () => {
    const { caseId, agreed } = await embargoedCase('early-http-case');
    const refused = await w.call(w.analyst, 'POST', `/api/cases/${caseId}/transition`, { event: 'disclose' });
    expect(refused.status).toBe(409);
    expect(refused.json.errors.map((e: { path: string }) => e.path)).toEqual(['/confirmEmbargoEnd', '/reason']);
    const done = await w.call(w.analyst, 'POST', `/api/cases/${caseId}/transition`, { event: 'disclose', confirmEmbargoEnd: agreed, reason: 'fix is public' });
    expect(done.status, done.text).toBe(200);
    expect(done.json).toMatchObject({ state: 'disclosed', disclosureReason: 'fix is public' });
  });
});
