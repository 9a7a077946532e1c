import { hostname } from 'node:os';
import { DELIVER_KIND, deliverWebhook } from '../events/deliver';
import { dispatchPending } from '../events/dispatch';
import { PUBLISH_JOB, publishScheduledJob } from '../advisories/publication';
import type { ServiceContext } from '../context';
import { newSecret } from '../ids';
import { type JobHandler, JobRunner } from './runner';
import { closeNeedsInfoJob } from '../intake/close-job';
import { EMBARGO_JOB, embargoDeadlineJob } from '../cases/reminders';
import { OUTBOX_PRUNE_JOB, outboxPruneJob } from '../events/outbox-retention';
import { REEVALUATE_JOB, reEvaluateJob } from '../frontier/rule-sets';
import { ACCESS_REMINDER_JOB, accessRemindersJob } from '../frontier/access-reminders';
import { CONSIDER_REVIEW_JOB, considerReviewJob } from '../frontier/consider-review';

/** Every kind of background job and its handler. Later issues add theirs here. */
export const JOB_HANDLERS: Readonly<Record<string, JobHandler>> = {
  [DELIVER_KIND]: deliverWebhook,
  'intake.close-needs-info': closeNeedsInfoJob,
  [PUBLISH_JOB]: publishScheduledJob,
  [EMBARGO_JOB]: embargoDeadlineJob,
  [OUTBOX_PRUNE_JOB]: outboxPruneJob,
  [REEVALUATE_JOB]: reEvaluateJob,
  [ACCESS_REMINDER_JOB]: accessRemindersJob,
  [CONSIDER_REVIEW_JOB]: considerReviewJob,
};

/**
 * The background worker of one process: dispatches the outbox and runs due jobs. It
 * polls (so several nodes share the work through the database) and is nudged after
 * local commits so that a change reaches webhooks without waiting for the next poll.
 */
export class Worker {
  readonly runner: JobRunner;
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private stopped = false;
  private again = false;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly pollMs = 1000,
  ) {
    this.runner = new JobRunner(ctx, JOB_HANDLERS, `${hostname()}:${process.pid}:${newSecret('', 6)}`, ctx.config.jobLeaseMs, 8, () => this.nudge());
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Asks for a pass soon (after a commit that wrote events). */
  nudge(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.pass(), ms);
    this.timer.unref?.();
  }

  private async pass(): Promise<void> {
    if (this.running || this.stopped) return;
    this.running = true;
    this.again = false;
    try {
      while (!this.stopped && (await dispatchPending(this.ctx)) > 0);
      if (!this.stopped) await this.runner.tick();
    } catch (err) {
      this.ctx.log.error({ err }, 'worker pass failed');
    } finally {
      this.running = false;
      if (!this.stopped) this.schedule(this.again ? 0 : this.pollMs);
    }
  }

  /** Stops claiming, lets running jobs finish for `graceMs`, hands the rest back. */
  async stop(graceMs = 5000): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    while (this.running) await new Promise((r) => setTimeout(r, 10));
    await this.runner.drain(graceMs);
  }
}
