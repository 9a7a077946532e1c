import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { viewerOf } from '../../src/domain/identity/principal';
import { DEFAULT_ACCESS_POLICY } from '../../src/domain/frontier/access-vocabulary';
import { canSee } from '../../src/domain/policy/visibility';
import { addGrant } from '../../src/services/frontier/access-grants';
import { createPlan } from '../../src/services/frontier/access-plans';
import { setAccessPolicy } from '../../src/services/frontier/access-policy';
import { ACCESS_REMINDER_JOB, accessRemindersJob, listAccessReminders, scheduleAccessReminders } from '../../src/services/frontier/access-reminders';
import { JobRunner } from '../../src/services/jobs/runner';
import { eventsAfter } from '../../src/store/outbox';
import { databasePerFile } from '../helpers/database-per-file';
import { DRIVERS } from '../helpers/databases';
import { type AccessWorld, accessWorld, makeVersion } from './access-world';

const DAY = 86_400_000;
const page = { limit: 50, offset: 0 };

describe.each(DRIVERS)('access reminders on %s', (driver) => {
  const db = databasePerFile(driver);
  let w: AccessWorld;
  beforeEach(async () => {
    w = await accessWorld(db());
  }, 120_000);

  /**
   * Runs the recurring reminder job once, as a worker would, at the test's clock. The job row is
   * the database's, shared with the file's other tests (whose clocks differ): it is made due now.
   */
  const sweep = async () => {
    await scheduleAccessReminders(w.ctx);
    await w.ctx.db.execute(sql`update jobs set run_at = ${w.ctx.now()} where kind = ${ACCESS_REMINDER_JOB} and status = 'queued'`);
    const runner = new JobRunner(w.ctx, { [ACCESS_REMINDER_JOB]: accessRemindersJob }, `test-${Math.random()}`);
    while ((await runner.tick()) > 0) await runner.drain(30_000);
  };
  /** The reminder events of one plan so far: [milestone, offset]. */
  const remindersOf = async (planId: string) =>
    (await eventsAfter(w.ctx.db, 0, 1_000_000))
      .filter((e) => e.type === 'access_plan.reminder' && e.recordId === planId)
      .map((e) => [e.data.milestone, e.data.offsetDays]);

  it('reminds the developer and the grantees once per milestone and offset, at the offsets, with a controlled clock', async () => {
    const start = w.ctx.clock.now.getTime();
    const tp = new Date(start + 40 * DAY);
    const general = new Date(start + 60 * DAY);
    const versionId = await makeVersion(w.ctx, w.developer.organisationId, { trustedPartner: tp, general });
    const plan = await createPlan(w.ctx, w.developer, { versionId });
    await addGrant(w.ctx, w.developer, plan.id, {
      granteeOrganisationId: w.agency.organisationId,
      accessKind: 'weights_secure_enclave',
      environment: 'classified',
      startsAt: new Date(start + DAY),
      endsAt: new Date(start + 50 * DAY),
    });
    const atDay = (d: number) => {
      w.ctx.clock.now = new Date(start + d * DAY);
    };
    // Offsets 30, 14, 7, 1 (the default). Day 9: the trusted-partner release is 31 days away — nothing yet.
    atDay(9);
    await sweep();
    expect(await remindersOf(plan.id)).toEqual([]);
    // Day 10: 30 days before the trusted-partner release.
    atDay(10);
    await sweep();
    expect(await remindersOf(plan.id)).toEqual([['trusted_partner', 30]]);
    // Again the same day, and later that day: sent once.
    await sweep();
    atDay(10.5);
    await sweep();
    expect(await remindersOf(plan.id)).toEqual([['trusted_partner', 30]]);
    // Day 30: 30 days before the general release, 10 before the trusted-partner one (14 fell due on day 26).
    atDay(26);
    await sweep();
    atDay(30);
    await sweep();
    expect(await remindersOf(plan.id)).toEqual([
      ['trusted_partner', 30],
      ['trusted_partner', 14],
      ['general', 30],
    ]);
    // After the trusted-partner release, only the general release's remain.
    atDay(40);
    await sweep();
    atDay(59);
    await sweep();
    expect((await remindersOf(plan.id)).slice(3)).toEqual([['general', 1]]);

    // The developer, the coordinators and the grantee receive them; an outsider does not.
    const event = (await eventsAfter(w.ctx.db, 0, 1_000_000)).find((e) => e.type === 'access_plan.reminder' && e.recordId === plan.id)!;
    for (const p of [w.developer, w.analyst, w.agency]) expect(canSee(viewerOf(p), event.marking)).toBe(true);
    expect(canSee(viewerOf(w.outsider), event.marking)).toBe(false);
    const inbox = await listAccessReminders(w.ctx, viewerOf(w.agency), page);
    expect(inbox.items.filter((r) => r.planId === plan.id).map((r) => [r.milestone, r.offsetDays])).toEqual([
      ['general', 1],
      ['general', 30],
      ['trusted_partner', 14],
      ['trusted_partner', 30],
    ]);
    expect((await listAccessReminders(w.ctx, viewerOf(w.outsider), page)).items.filter((r) => r.planId === plan.id)).toEqual([]);
  });

  it('follows the configured offsets and sends nothing when there are none', async () => {
    onTestFinished(async () => {
      await setAccessPolicy(w.ctx, w.admin, { ...DEFAULT_ACCESS_POLICY, reminderOffsetsDays: [...DEFAULT_ACCESS_POLICY.reminderOffsetsDays] });
    });
    await setAccessPolicy(w.ctx, w.admin, { ...DEFAULT_ACCESS_POLICY, reminderOffsetsDays: [3] });
    const start = w.ctx.clock.now.getTime();
    const versionId = await makeVersion(w.ctx, w.developer.organisationId, { general: new Date(start + 10 * DAY) });
    const plan = await createPlan(w.ctx, w.developer, { versionId });
    w.ctx.clock.now = new Date(start + 6 * DAY);
    await sweep();
    expect(await remindersOf(plan.id)).toEqual([]);
    w.ctx.clock.now = new Date(start + 7 * DAY);
    await sweep();
    expect(await remindersOf(plan.id)).toEqual([['general', 3]]);
    await setAccessPolicy(w.ctx, w.admin, { ...DEFAULT_ACCESS_POLICY, reminderOffsetsDays: [] });
    w.ctx.clock.now = new Date(start + 9.5 * DAY);
    await sweep();
    expect(await remindersOf(plan.id)).toEqual([['general', 3]]);
  });
});
