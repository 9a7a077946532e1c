import type { ReviewTrigger } from '../../domain/frontier/registry-checks';
import type { Tx } from '../../store/database';
import { enqueueJobs } from '../../store/jobs';
import type { ServiceContext } from '../context';

/**
 * The job kind the designation side handles (FRONTIER.md, cross-helper contract): it opens a
 * designation review for the version unless one is open. The registry only asks.
 */
export const CONSIDER_REVIEW_JOB = 'frontier.consider-review';

/**
 * Asks, in the caller's transaction, for a designation review to be considered: on a rule
 * result (`detail`: the rule-set ids), a new checkpoint of a designated version (the hash) or
 * a derivative of a designated version (the parent version id). No classified text travels.
 */
export async function considerReviewIn(ctx: ServiceContext, tx: Tx, versionId: string, trigger: ReviewTrigger, detail: string): Promise<void> {
  const now = ctx.now();
  await enqueueJobs(tx, [{ id: ctx.newId(), kind: CONSIDER_REVIEW_JOB, payload: { versionId, trigger, detail }, runAt: now, maxAttempts: 10 }], now);
}
