import { backoffMs } from '../../domain/jobs/backoff';
import { claimJobs, finishJob, releaseJobs, type JobRow } from '../../store/jobs';
import type { ServiceContext } from '../context';
import { jitter } from '../ids';
import { safeErrorMessage } from '../safe-error';

/** What a job handler reports; the runner records it on the job. */
export type JobOutcome =
  | { readonly status: 'done' }
  /** A recurring job's run went well: the same job runs again at `runAt`, its attempts counted afresh. */
  | { readonly status: 'again'; readonly runAt: Date }
  | { readonly status: 'retry'; readonly error: string; readonly runAt?: Date }
  | { readonly status: 'dead'; readonly error: string };

/** Handles one claimed job; `attempt` counts from 1 and `lastAttempt` says whether a retry is left. */
export type JobHandler = (ctx: ServiceContext, payload: Record<string, unknown>, attempt: number, lastAttempt: boolean) => Promise<JobOutcome>;

/**
 * Claims due jobs and runs them. Each claim is a lease: if this process dies, the lease
 * runs out and another worker takes the job again, so work is done at least once.
 */
export class JobRunner {
  private readonly inFlight = new Map<string, Promise<void>>();

  constructor(
    private readonly ctx: ServiceContext,
    private readonly handlers: Readonly<Record<string, JobHandler>>,
    /** Identifies this worker on its leases (host:pid:random). */
    readonly owner: string,
    private readonly leaseMs = 60_000,
    private readonly concurrency = 8,
    /** Called when a job finishes, so the worker can claim the next one at once. */
    private readonly onSettled: () => void = () => undefined,
  ) {}

  get busy(): number {
    return this.inFlight.size;
  }

  /** Claims what it has room for and starts it; returns how many jobs it started. */
  async tick(): Promise<number> {
    const room = this.concurrency - this.inFlight.size;
    if (room <= 0) return 0;
    const now = this.ctx.now();
    const claimed = await this.ctx.db.transaction((tx) =>
      claimJobs(tx, Object.keys(this.handlers), this.owner, now, new Date(now.getTime() + this.leaseMs), room),
    );
    for (const job of claimed) {
      const p = this.run(job).finally(() => {
        this.inFlight.delete(job.id);
        this.onSettled();
      });
      this.inFlight.set(job.id, p);
    }
    return claimed.length;
  }

  private async run(job: JobRow): Promise<void> {
    const handler = this.handlers[job.kind]!;
    const last = job.attempts >= job.maxAttempts;
    let outcome: JobOutcome;
    try {
      outcome = await handler(this.ctx, job.payload as Record<string, unknown>, job.attempts, last);
    } catch (err) {
      this.ctx.log.error({ err, jobId: job.id, kind: job.kind }, 'job failed');
      // The job record keeps a line that is safe to show: never a query's values (issue 9 item 10).
      outcome = { status: 'retry', error: safeErrorMessage(err) };
    }
    const now = this.ctx.now();
    if (outcome.status === 'done') {
      await finishJob(this.ctx.db, job.id, this.owner, { status: 'done' }, now);
    } else if (outcome.status === 'again') {
      await finishJob(this.ctx.db, job.id, this.owner, { status: 'queued', runAt: outcome.runAt, attempts: 0 }, now);
    } else if (outcome.status === 'dead' || last) {
      await finishJob(this.ctx.db, job.id, this.owner, { status: 'dead', error: outcome.error }, now);
    } else {
      const runAt = outcome.runAt ?? new Date(now.getTime() + backoffMs(job.attempts, jitter()));
      await finishJob(this.ctx.db, job.id, this.owner, { status: 'queued', runAt, error: outcome.error }, now);
    }
  }

  /**
   * Graceful stop: waits up to `graceMs` for running jobs, then hands the rest back to
   * the queue (their attempt does not count) so another worker picks them up at once.
   */
  async drain(graceMs: number): Promise<void> {
    const pending = [...this.inFlight.values()];
    await Promise.race([Promise.allSettled(pending), new Promise((r) => setTimeout(r, graceMs))]);
    const left = [...this.inFlight.keys()];
    if (left.length) await releaseJobs(this.ctx.db, this.owner, left, this.ctx.now());
  }
}
