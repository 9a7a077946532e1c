import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from './database';
import { jobs } from './schema/index';

export type JobRow = typeof jobs.$inferSelect;

export interface NewJob {
  readonly id: string;
  readonly kind: string;
  readonly payload: Record<string, unknown>;
  readonly runAt: Date;
  readonly priority?: number;
  readonly maxAttempts: number;
}

export async function enqueueJobs(db: Executor, list: readonly NewJob[], now: Date): Promise<void> {
  if (list.length === 0) return;
  await db.insert(jobs).values(list.map((j) => ({ ...j, priority: j.priority ?? 0, status: 'queued', attempts: 0, createdAt: now, updatedAt: now })));
}

/**
 * Claims up to `limit` due jobs of the given kinds for `owner` until `leaseUntil`. Jobs
 * whose lease ran out (their worker died) are due again. FOR UPDATE SKIP LOCKED lets any
 * number of workers claim concurrently without taking the same job (ADR 0005).
 */
export async function claimJobs(db: Executor, kinds: readonly string[], owner: string, now: Date, leaseUntil: Date, limit: number): Promise<JobRow[]> {
  const due = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(
      and(
        inArray(jobs.kind, [...kinds]),
        sql`((${jobs.status} = 'queued' and ${jobs.runAt} <= ${now}) or (${jobs.status} = 'running' and ${jobs.leaseUntil} < ${now}))`,
      ),
    )
    .orderBy(sql`${jobs.priority} desc`, jobs.runAt)
    .limit(limit)
    .for('update', { skipLocked: true });
  return db
    .update(jobs)
    .set({ status: 'running', leaseOwner: owner, leaseUntil, attempts: sql`${jobs.attempts} + 1`, updatedAt: now })
    .where(inArray(jobs.id, due))
    .returning();
}

/** Finishes a job this owner still holds; false when the lease was lost meanwhile. */
export async function finishJob(
  db: Executor,
  id: string,
  owner: string,
  outcome: { status: 'done' | 'dead' | 'queued'; runAt?: Date; error?: string | null; attempts?: number },
  now: Date,
): Promise<boolean> {
  const r = await db
    .update(jobs)
    .set({
      status: outcome.status,
      leaseOwner: null,
      leaseUntil: null,
      lastError: outcome.error ?? null,
      updatedAt: now,
      ...(outcome.runAt ? { runAt: outcome.runAt } : {}),
      ...(outcome.attempts === undefined ? {} : { attempts: outcome.attempts }),
    })
    .where(and(eq(jobs.id, id), eq(jobs.leaseOwner, owner), eq(jobs.status, 'running')))
    .returning({ id: jobs.id });
  return r.length === 1;
}

/** Hands this owner's unfinished jobs back to the queue (graceful shutdown): the attempt does not count. */
export async function releaseJobs(db: Executor, owner: string, ids: readonly string[], now: Date): Promise<number> {
  if (ids.length === 0) return 0;
  const r = await db
    .update(jobs)
    .set({ status: 'queued', leaseOwner: null, leaseUntil: null, attempts: sql`greatest(${jobs.attempts} - 1, 0)`, updatedAt: now })
    .where(and(eq(jobs.leaseOwner, owner), eq(jobs.status, 'running'), inArray(jobs.id, [...ids])))
    .returning({ id: jobs.id });
  return r.length;
}

/**
 * Enqueues `job` unless a job of its kind is already queued or running: one chain of a
 * recurring job however many workers start. The transaction lock serialises the check.
 */
export async function enqueueUnlessPending(tx: Executor, job: NewJob, now: Date, lock: number): Promise<boolean> {
  await tx.execute(sql`select pg_advisory_xact_lock(${lock})`);
  const [pending] = await tx
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.kind, job.kind), inArray(jobs.status, ['queued', 'running'])))
    .limit(1);
  if (pending) return false;
  await enqueueJobs(tx, [job], now);
  return true;
}
