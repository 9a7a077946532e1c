import { isAppError } from '../../domain/errors';
import { REVIEW_TRIGGERS, type ReviewTrigger } from '../../domain/frontier/review-states';
import { SYSTEM } from '../../domain/policy/viewer';
import { findVisibleVersion } from '../../store/frontier/versions';
import type { ServiceContext } from '../context';
import type { JobHandler } from '../jobs/runner';
import { write } from '../unit-of-work';
import { DESIGNATION_ACTOR, routeToReview } from './review-moves';

/**
 * The cross-helper contract (FRONTIER.md): the registry enqueues this job, in the transaction
 * that saw the reason, when a version may need a designation review — a rule result that says
 * `covered`, a new checkpoint of a designated version, a derivative of a designated parent.
 */
export { CONSIDER_REVIEW_JOB } from './review-triggers';

export interface ConsiderReviewPayload {
  readonly versionId: string;
  readonly trigger: ReviewTrigger;
  /** The rule-set id, checkpoint hash or parent version id: never classified text. */
  readonly detail: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The payload, or what is wrong with it. */
export function parseConsiderReview(payload: Record<string, unknown>): ConsiderReviewPayload | string {
  const { versionId, trigger, detail } = payload;
  if (typeof versionId !== 'string' || !UUID.test(versionId)) return 'versionId must be a UUID';
  if (typeof trigger !== 'string' || !(REVIEW_TRIGGERS as readonly string[]).includes(trigger)) return `trigger must be one of ${REVIEW_TRIGGERS.join(', ')}`;
  if (detail !== undefined && (typeof detail !== 'string' || detail.length > 2000)) return 'detail must be a string of at most 2000 characters';
  return { versionId, trigger: trigger as ReviewTrigger, detail: detail ?? '' };
}

/**
 * Opens a review of the version on the designation panel (system actor) unless one is open;
 * a decided version is reopened for reassessment. `missing`: the version is gone; `not_shared`:
 * nobody on the panel can see the version, so nothing is opened (the job is done).
 */
export async function considerReview(ctx: ServiceContext, job: ConsiderReviewPayload): Promise<'opened' | 'reassessed' | 'joined' | 'missing' | 'not_shared'> {
  try {
    return await write(ctx, DESIGNATION_ACTOR, async (tx, record) => {
      if (!(await findVisibleVersion(tx, SYSTEM, job.versionId))) return 'missing';
      const { action } = await routeToReview(ctx, tx, record, DESIGNATION_ACTOR, { ...job, inquiryId: null });
      return action;
    });
  } catch (err) {
    // The developer has not shared the version with the authority: no review names it (ADR 0090,
    // update of 2026-12-03). Its inquiry, or sharing it and a new rule result, brings it later.
    if (isAppError(err) && err.code === 'CONFLICT' && err.details?.[0]?.path === '/versionId') return 'not_shared';
    throw err;
  }
}

/** Retries (hourly) while no designation panel is set: the reason to review is kept, not dropped. */
export const considerReviewJob: JobHandler = async (ctx, payload) => {
  const parsed = parseConsiderReview(payload);
  if (typeof parsed === 'string') return { status: 'dead', error: `bad payload: ${parsed}` };
  try {
    await considerReview(ctx, parsed);
    return { status: 'done' };
  } catch (err) {
    if (isAppError(err) && err.code === 'CONFLICT') return { status: 'retry', error: err.message, runAt: new Date(ctx.now().getTime() + 3_600_000) };
    throw err;
  }
};
