import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobRunner } from '../../src/services/jobs/runner';
import { claimJobs, enqueueJobs } from '../../src/store/jobs';
import { jobs } from '../../src/store/schema/index';
import { uuidv7 } from '../../src/services/ids';
import { contextFor, DRIVERS, freshDatabase, type TestDatabase } from '../helpers/databases';

/** The jobs table: claimed with FOR UPDATE SKIP LOCKED, leased, retried, handed back. */
describe.each(DRIVERS)('jobs on %s', (driver) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase(driver);
  });
  afterAll(async () => {
    await t.close();
  });

  const add = async (kind: string, n: number, ctx = contextFor(t.database)) => {
    const ids = Array.from({ length: n }, () => uuidv7());
    await enqueueJobs(
      t.database.db,
      ids.map((id) => ({ id, kind, payload: { n: id }, runAt: ctx.now(), maxAttempts: 3 })),
      ctx.now(),
    );
    return ids;
  };

  it('concurrent claimers never take the same job', async () => {
    const ctx = contextFor(t.database);
    const ids = await add('claim.test', 60);
    const lease = new Date(ctx.now().getTime() + 60_000);
    const claims = await Promise.all(
      Array.from({ length: 6 }, (_, i) => t.database.db.transaction((tx) => claimJobs(tx, ['claim.test'], `w${i}`, ctx.now(), lease, 15))),
    );
    const taken = claims.flat().map((j) => j.id);
    expect(new Set(taken).size).toBe(taken.length);
    expect(taken.length).toBe(60);
    expect([...taken].sort()).toEqual([...ids].sort());
  });

  it('a job whose worker died is claimed again after its lease', async () => {
    const ctx = contextFor(t.database);
    const [id] = await add('lease.test', 1, ctx);
    const lease = new Date(ctx.now().getTime() + 1_000);
    expect((await claimJobs(t.database.db, ['lease.test'], 'dead-worker', ctx.now(), lease, 5)).map((j) => j.id)).toEqual([id]);
    expect(await claimJobs(t.database.db, ['lease.test'], 'other', ctx.now(), lease, 5)).toEqual([]);
    ctx.clock.now = new Date(ctx.clock.now.getTime() + 2_000);
    const again = await claimJobs(t.database.db, ['lease.test'], 'other', ctx.now(), new Date(ctx.now().getTime() + 1000), 5);
    expect(again.map((j) => [j.id, j.attempts, j.leaseOwner])).toEqual([[id, 2, 'other']]);
  });

  it('retries with backoff, then dead-letters after max attempts', async () => {
    const ctx = contextFor(t.database);
    const [id] = await add('fail.test', 1, ctx);
    const runner = new JobRunner(ctx, { 'fail.test': async () => ({ status: 'retry', error: 'nope' }) }, 'w', 60_000, 4);
    const row = async () => (await t.database.db.select().from(jobs).where(eq(jobs.id, id!)))[0]!;
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect(await runner.tick()).toBe(1);
      await runner.drain(5_000);
      const r = await row();
      expect(r.attempts).toBe(attempt);
      if (attempt < 3) {
        expect(r.status).toBe('queued');
        const delay = r.runAt.getTime() - ctx.now().getTime();
        expect(delay).toBeGreaterThanOrEqual(1000 * 2 ** (attempt - 1));
        expect(delay).toBeLessThanOrEqual(1250 * 2 ** (attempt - 1));
        expect(await runner.tick()).toBe(0); // not due yet
        ctx.clock.now = r.runAt;
      }
    }
    expect(await row()).toMatchObject({ status: 'dead', lastError: 'nope' });
  });

  it('a graceful stop hands unfinished jobs back without counting the attempt', async () => {
    const ctx = contextFor(t.database);
    const [id] = await add('slow.test', 1, ctx);
    const runner = new JobRunner(ctx, { 'slow.test': () => new Promise(() => undefined) }, 'stopping', 60_000, 4);
    expect(await runner.tick()).toBe(1);
    await runner.drain(50);
    const [r] = await t.database.db.select().from(jobs).where(eq(jobs.id, id!));
    expect(r).toMatchObject({ status: 'queued', attempts: 0, leaseOwner: null });
  });
});
