import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../src/domain/events/event';
import { OUTBOX_PRUNE_JOB, outboxPruneJob, pruneOutbox, scheduleOutboxPrune } from '../../src/services/events/outbox-retention';
import { JobRunner } from '../../src/services/jobs/runner';
import { insertEvents, markDispatched } from '../../src/store/outbox';
import { jobs, outbox, webhookDeliveries, webhooks } from '../../src/store/schema/index';
import { contextFor, DRIVERS, freshDatabase, type TestDatabase } from '../helpers/databases';
import { makeOrganisation } from '../helpers/factories';

const DAY = 86_400_000;

/** Delivered outbox events are kept `AISC_OUTBOX_RETENTION_DAYS` (default 30) and then pruned; undelivered ones never (ADR 0045). */
describe.each(DRIVERS)('outbox retention on %s', (driver) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase(driver);
  });
  afterAll(async () => {
    await t.close();
  });

  it('prunes delivered events older than the retention, never undelivered ones or ones a webhook still has to get', async () => {
    const clock = { now: new Date('2026-01-01T00:00:00.000Z') };
    const ctx = contextFor(t.database, clock);
    expect(ctx.config.outboxRetentionMs).toBe(30 * DAY);
    const org = await makeOrganisation(ctx);
    const event = (name: string): DomainEvent => ({
      id: ctx.newId(),
      type: 'note.created',
      recordType: 'note',
      recordId: name,
      at: ctx.now().toISOString(),
      marking: { ownerOrganisationId: org.id, createdBy: null, tlp: 'CLEAR', classification: 'UNCLASSIFIED', accessOrganisations: [], accessUsers: [] },
      data: {},
    });
    const start = clock.now.getTime();
    const at = (days: number) => new Date(start + days * DAY);
    // Written on day 0: delivered on day 0, delivered on day 50, never delivered, delivered with a webhook still retrying, delivered with its webhook done.
    const [oldDelivered, recentlyDelivered, undelivered, retrying, webhookDone] = ['old', 'recent', 'undelivered', 'retrying', 'webhook-done'].map(event) as [
      DomainEvent,
      DomainEvent,
      DomainEvent,
      DomainEvent,
      DomainEvent,
    ];
    await t.database.db.transaction((tx) => insertEvents(tx, [oldDelivered, recentlyDelivered, undelivered, retrying, webhookDone]));
    await t.database.db.transaction((tx) => markDispatched(tx, [oldDelivered.id, retrying.id, webhookDone.id], at(0)));
    await t.database.db.transaction((tx) => markDispatched(tx, [recentlyDelivered.id], at(50)));
    const hook = ctx.newId();
    await t.database.db
      .insert(webhooks)
      .values({ id: hook, organisationId: org.id, url: 'https://receiver.example/hook', secret: 's', createdAt: at(0), updatedAt: at(0) });
    await t.database.db.insert(webhookDeliveries).values([
      {
        id: ctx.newId(),
        webhookId: hook,
        eventId: retrying.id,
        eventType: 'note.created',
        status: 'failed',
        attempts: 3,
        nextAttemptAt: at(61),
        createdAt: at(0),
      },
      { id: ctx.newId(), webhookId: hook, eventId: webhookDone.id, eventType: 'note.created', status: 'succeeded', attempts: 1, createdAt: at(0) },
    ]);
    const left = async () =>
      (
        await t.database.db
          .select({ id: outbox.id })
          .from(outbox)
          .where(inArray(outbox.id, [oldDelivered.id, recentlyDelivered.id, undelivered.id, retrying.id, webhookDone.id]))
      )
        .map((r) => r.id)
        .sort();

    clock.now = at(29); // nothing is past the retention yet
    expect(await pruneOutbox(ctx)).toBe(0);
    expect(await left()).toHaveLength(5);

    clock.now = at(60); // day-0 deliveries are 60 days old, the day-50 one is 10
    expect(await pruneOutbox(ctx)).toBe(2);
    expect(await left()).toEqual([recentlyDelivered.id, undelivered.id, retrying.id].sort());

    clock.now = at(10_000); // however old, an undelivered event stays; the retried one goes once its delivery is settled
    await t.database.db
      .update(webhookDeliveries)
      .set({ status: 'dead' })
      .where(inArray(webhookDeliveries.eventId, [retrying.id]));
    expect(await pruneOutbox(ctx)).toBe(2);
    expect(await left()).toEqual([undelivered.id]);
  });

  it('runs as one recurring job: scheduled once however many workers start, and again after each run', async () => {
    const clock = { now: new Date('2026-03-01T00:00:00.000Z') };
    const ctx = contextFor(t.database, clock);
    const scheduled = await Promise.all([scheduleOutboxPrune(ctx), scheduleOutboxPrune(ctx), scheduleOutboxPrune(ctx)]);
    expect(scheduled.filter(Boolean)).toHaveLength(1);
    const pruneJobs = () =>
      t.database.db
        .select()
        .from(jobs)
        .where(inArray(jobs.kind, [OUTBOX_PRUNE_JOB]));
    const [job] = await pruneJobs();
    expect(job).toMatchObject({ status: 'queued', runAt: clock.now });

    const runner = new JobRunner(ctx, { [OUTBOX_PRUNE_JOB]: outboxPruneJob }, 'w', 60_000, 1);
    expect(await runner.tick()).toBe(1);
    await runner.drain(5_000);
    const after = await pruneJobs();
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: job!.id, status: 'queued', attempts: 0, runAt: new Date(clock.now.getTime() + 3_600_000) });
    expect(await scheduleOutboxPrune(ctx)).toBe(false);
    expect(await runner.tick()).toBe(0); // not due before the hour is up
  });
});
