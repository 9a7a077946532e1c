import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { DEFAULT_EMBARGO_POLICY } from '../../src/domain/cases/embargo-policy';
import { viewerOf } from '../../src/domain/identity/principal';
import { canSee } from '../../src/domain/policy/visibility';
import { getAdvisory } from '../../src/services/advisories/reads';
import { draftCaseAdvisory } from '../../src/services/cases/advisory';
import { acceptProposal, decideEmbargo, proposeEmbargo } from '../../src/services/cases/embargo';
import { inviteVendors } from '../../src/services/cases/invite';
import { caseVendors, getCase } from '../../src/services/cases/reads';
import { EMBARGO_JOB, embargoDeadlineJob } from '../../src/services/cases/reminders';
import { embargoPolicy, setEmbargoPolicy } from '../../src/services/cases/settings';
import { JobRunner } from '../../src/services/jobs/runner';
import { chainHead } from '../../src/store/audit';
import { eventsAfter } from '../../src/store/outbox';
import { advisoryContent } from '../advisories/fixtures';
import { databasePerFile } from '../helpers/database-per-file';
import { DRIVERS } from '../helpers/databases';
import { makeCase, makePrincipal } from '../helpers/factories';
import { caseWorld, type CaseWorld } from './world';

const DAY = 86_400_000;
const page = { limit: 50, offset: 0 };

describe.each(DRIVERS)('embargo protocol on %s', (driver) => {
  const db = databasePerFile(driver);
  let w: CaseWorld;
  beforeEach(async () => {
    w = await caseWorld(db(), 2);
  }, 60_000);

  /** A case of this test's analyst with both its vendors invited (so with the policy's proposal). */
  const newCase = async (over: { exploited?: boolean; fixBypass?: boolean } = {}) =>
    (
      await makeCase(w.ctx, {
        analyst: w.analyst,
        reportIds: [await w.acceptedReport()],
        vendors: w.vendors,
        title: 'Path traversal in tar extractor',
        ...over,
      })
    ).case;
  const jobsOf = async (caseId: string) => {
    const r = await w.ctx.db.execute(sql`select payload, run_at from jobs where kind = ${EMBARGO_JOB} and payload->>'caseId' = ${caseId} order by run_at`);
    return (r as unknown as { rows: { payload: { step: string; deadline: string }; run_at: string | Date }[] }).rows.map((x) => ({
      step: x.payload.step,
      deadline: x.payload.deadline,
      at: new Date(x.run_at).toISOString(),
    }));
  };
  /**
   * Runs every embargo job due at this test's clock and says how many of `caseId`'s ran. The
   * queue is the database's, shared with the file's other tests: their cases' jobs may be due
   * too, so the count is of this case's jobs only.
   */
  const runDueJobs = async (caseId: string) => {
    const done = async () => {
      const r = await w.ctx.db.execute(
        sql`select count(*)::int as n from jobs where kind = ${EMBARGO_JOB} and payload->>'caseId' = ${caseId} and status = 'done'`,
      );
      return (r as unknown as { rows: { n: number }[] }).rows[0]!.n;
    };
    const before = await done();
    const runner = new JobRunner(w.ctx, { [EMBARGO_JOB]: embargoDeadlineJob }, `test-${Math.random()}`);
    while ((await runner.tick()) > 0) await runner.drain(30_000);
    return (await done()) - before;
  };

  it('proposes the policy default at first notice: 90 days, 7 when exploited or a fix bypass', async () => {
    const now = w.ctx.clock.now.getTime();
    for (const [over, days] of [
      [{}, 90],
      [{ exploited: true }, 7],
      [{ fixBypass: true }, 7],
    ] as const) {
      const c = await getCase(w.ctx, w.analyst, (await newCase(over)).id);
      expect(c.embargo.state).toBe('proposed');
      expect(c.proposals.map((p) => [p.publicAt, p.status])).toEqual([[new Date(now + days * DAY).toISOString(), 'open']]);
    }
  });

  it('follows the policy settings an admin sets, naming bad ones', async () => {
    await expect(
      setEmbargoPolicy(w.ctx, w.analyst, { defaultDays: 45, exploitedDays: 3, fixBypassDays: 10, reminderOffsetsMinutes: [60] }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(setEmbargoPolicy(w.ctx, w.admin, { defaultDays: 0, exploitedDays: 3, fixBypassDays: 10, reminderOffsetsMinutes: [-5] })).rejects.toMatchObject(
      { details: [{ path: '/defaultDays' }, { path: '/reminderOffsetsMinutes/0' }] },
    );
    // The policy is the database's, shared with the file's other tests: put the default back however this one ends.
    onTestFinished(async () => {
      await setEmbargoPolicy(w.ctx, w.admin, { ...DEFAULT_EMBARGO_POLICY, reminderOffsetsMinutes: [...DEFAULT_EMBARGO_POLICY.reminderOffsetsMinutes] });
    });
    await setEmbargoPolicy(w.ctx, w.admin, { defaultDays: 45, exploitedDays: 3, fixBypassDays: 10, reminderOffsetsMinutes: [60, 1440, 60] });
    expect((await embargoPolicy(w.ctx.db)).reminderOffsetsMinutes).toEqual([1440, 60]);
    const c = await getCase(w.ctx, w.analyst, (await newCase({ fixBypass: true })).id);
    expect(c.proposals[0]!.publicAt).toBe(new Date(w.ctx.clock.now.getTime() + 10 * DAY).toISOString());
  });

  it('runs the protocol: vendors accept or counter-propose, the coordinator decides, reminders fire, the embargo ends', async () => {
    const [a, b] = w.vendors;
    const c = await newCase();
    const start = w.ctx.clock.now.getTime();
    const [first] = (await getCase(w.ctx, a!, c.id)).proposals;
    await acceptProposal(w.ctx, a!, c.id, first!.id);
    // B counter-proposes a later date: only B and the coordinator see it.
    const counter = await proposeEmbargo(w.ctx, b!, c.id, { publicAt: new Date(start + 120 * DAY), reason: 'two release trains' });
    expect((await getCase(w.ctx, a!, c.id)).proposals.map((p) => p.id)).toEqual([first!.id]);
    expect((await getCase(w.ctx, b!, c.id)).proposals.map((p) => p.id)).toEqual([first!.id, counter.id]);
    const answers = (await caseVendors(w.ctx, w.analyst, c.id, page)).items.map((v) => v.embargoResponse?.response).sort();
    expect(answers).toEqual(['accepted', 'counter-proposed']);
    // Vendors cannot decide.
    await expect(decideEmbargo(w.ctx, a!, c.id, { decision: 'adopt', proposalId: counter.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const decided = await decideEmbargo(w.ctx, w.analyst, c.id, { decision: 'adopt', proposalId: counter.id });
    expect(decided).toMatchObject({ state: 'embargoed', embargo: { state: 'active', publicAt: counter.publicAt } });
    expect((await getCase(w.ctx, w.analyst, c.id)).proposals.map((p) => p.status)).toEqual(['declined', 'adopted']);
    const end = new Date(counter.publicAt);
    expect(await jobsOf(c.id)).toEqual([
      { step: 'reminder', deadline: counter.publicAt, at: new Date(end.getTime() - 7 * DAY).toISOString() },
      { step: 'reminder', deadline: counter.publicAt, at: new Date(end.getTime() - DAY).toISOString() },
      { step: 'reminder', deadline: counter.publicAt, at: new Date(end.getTime() - 3_600_000).toISOString() },
      { step: 'end', deadline: counter.publicAt, at: counter.publicAt },
    ]);
    // An extension needs a recorded reason; an earlier date does not.
    const head = await chainHead(w.ctx.db);
    await expect(proposeEmbargo(w.ctx, w.analyst, c.id, { publicAt: new Date(end.getTime() + 10 * DAY) })).rejects.toMatchObject({
      code: 'VALIDATION',
      details: [{ path: '/reason' }],
    });
    await expect(proposeEmbargo(w.ctx, w.analyst, c.id, { publicAt: new Date(start - DAY), reason: 'x' })).rejects.toMatchObject({
      details: [{ path: '/publicAt' }],
    });
    expect(await chainHead(w.ctx.db)).toEqual(head);
    const extension = await proposeEmbargo(w.ctx, w.analyst, c.id, { publicAt: new Date(end.getTime() + 10 * DAY), reason: 'vendor B fix slipped' });
    expect(extension).toMatchObject({ extension: true, reason: 'vendor B fix slipped' });
    expect((await getCase(w.ctx, w.analyst, c.id)).embargo.state).toBe('revise');
    const revised = await decideEmbargo(w.ctx, w.analyst, c.id, { decision: 'adopt', proposalId: extension.id });
    expect(revised.embargo).toEqual({ state: 'active', publicAt: extension.publicAt });
    const newEnd = new Date(extension.publicAt);

    // The old deadline's jobs do nothing; the new ones remind, then end the embargo.
    const since = (await eventsAfter(w.ctx.db, 0, 100_000)).at(-1)!.seq;
    w.ctx.clock.now = new Date(end.getTime() + 1000);
    expect(await runDueJobs(c.id)).toBe(4);
    expect((await eventsAfter(w.ctx.db, since, 1000)).filter((e) => e.recordId === c.id)).toEqual([]);
    w.ctx.clock.now = new Date(newEnd.getTime() - DAY + 1000);
    expect(await runDueJobs(c.id)).toBe(2);
    const reminders = (await eventsAfter(w.ctx.db, since, 1000)).filter((e) => e.type === 'embargo.reminder' && e.recordId === c.id);
    expect(reminders).toHaveLength(2);
    expect(reminders.every((e) => canSee(viewerOf(a!), e.marking) && canSee(viewerOf(b!), e.marking) && !canSee(viewerOf(w.outsider), e.marking))).toBe(true);
    expect((await getCase(w.ctx, w.analyst, c.id)).state).toBe('embargoed');
    w.ctx.clock.now = new Date(newEnd.getTime() + 1000);
    expect(await runDueJobs(c.id)).toBe(2);
    expect(await getCase(w.ctx, w.analyst, c.id)).toMatchObject({ state: 'disclosed', embargo: { state: 'exited' } });
    expect((await eventsAfter(w.ctx.db, since, 1000)).filter((e) => e.type === 'embargo.ended' && e.recordId === c.id)).toHaveLength(1);
    await expect(proposeEmbargo(w.ctx, w.analyst, c.id, { publicAt: new Date(newEnd.getTime() + DAY), reason: 'late' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('declines open proposals back to no embargo', async () => {
    const c = await newCase();
    expect((await decideEmbargo(w.ctx, w.analyst, c.id, { decision: 'decline' })).embargo).toEqual({ state: 'none', publicAt: null });
    await expect(decideEmbargo(w.ctx, w.analyst, c.id, { decision: 'decline' })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('drafts the case advisory for its vendors and schedules it at the embargo end', async () => {
    const [a] = w.vendors;
    const c = await newCase();
    const [first] = (await getCase(w.ctx, w.analyst, c.id)).proposals;
    await decideEmbargo(w.ctx, w.analyst, c.id, { decision: 'adopt', proposalId: first!.id });
    await expect(draftCaseAdvisory(w.ctx, a!, c.id, advisoryContent('casepkg'))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const r = await draftCaseAdvisory(w.ctx, w.analyst, c.id, advisoryContent('casepkg'));
    expect(r.advisory).toMatchObject({ state: 'scheduled', publishAt: first!.publicAt });
    expect(r.case).toMatchObject({ state: 'scheduled', advisoryId: r.advisory.id });
    expect((await getAdvisory(w.ctx, viewerOf(a!), r.advisory.id)).id).toBe(r.advisory.id);
    await expect(getAdvisory(w.ctx, viewerOf(w.outsider), r.advisory.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(draftCaseAdvisory(w.ctx, w.analyst, c.id, advisoryContent('again'))).rejects.toMatchObject({ code: 'CONFLICT' });
    // A vendor invited after drafting sees the draft too.
    const late = await makePrincipal(w.ctx, { role: 'admin' });
    await expect(getAdvisory(w.ctx, viewerOf(late), r.advisory.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await inviteVendors(w.ctx, w.analyst, c.id, [late.organisationId]);
    expect((await getAdvisory(w.ctx, viewerOf(late), r.advisory.id)).state).toBe('scheduled');
    // Revising the embargo moves the publication with it.
    const later = await proposeEmbargo(w.ctx, w.analyst, c.id, { publicAt: new Date(new Date(first!.publicAt).getTime() + 5 * DAY), reason: 'patch QA' });
    await decideEmbargo(w.ctx, w.analyst, c.id, { decision: 'adopt', proposalId: later.id });
    expect((await getAdvisory(w.ctx, viewerOf(w.analyst), r.advisory.id)).publishAt).toBe(later.publicAt);
  });

  it('drafts a case advisory in one transaction: two coordinators at once leave one advisory and one conflict, no stray draft', async () => {
    const c = await newCase();
    const settled = await Promise.allSettled([
      draftCaseAdvisory(w.ctx, w.analyst, c.id, advisoryContent('race-a')),
      draftCaseAdvisory(w.ctx, w.analyst, c.id, advisoryContent('race-b')),
    ]);
    expect(settled.map((x) => x.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(settled.find((x) => x.status === 'rejected')).toMatchObject({ reason: { code: 'CONFLICT' } });
    const r = await w.ctx.db.execute(sql`select id from advisories where case_id = ${c.id}`);
    const rows = (r as unknown as { rows: { id: string }[] }).rows;
    expect(rows.map((x) => x.id)).toEqual([(await getCase(w.ctx, w.analyst, c.id)).advisoryId]);
  });
});
