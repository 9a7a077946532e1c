import type { JobHandler } from '../jobs/runner';
import { closeNeedsInfo } from './triage';

/** The needs-info timer (scheduled when information is requested): closes the report if nobody answered. */
export const closeNeedsInfoJob: JobHandler = async (ctx, payload) => {
  await closeNeedsInfo(ctx, String(payload.reportId), String(payload.since));
  return { status: 'done' };
};
