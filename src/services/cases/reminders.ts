import { reminderTimes, type EmbargoPolicy } from '../../domain/cases/embargo-policy';
import { transitionEmbargo } from '../../domain/cases/embargo-states';
import { SYSTEM } from '../../domain/policy/viewer';
import { lockVisibleCase, updateCase, type CaseRow } from '../../store/cases/cases';
import type { Tx } from '../../store/database';
import { enqueueJobs } from '../../store/jobs';
import type { Actor } from '../actor';
import type { ServiceContext } from '../context';
import type { JobHandler } from '../jobs/runner';
import { write } from '../unit-of-work';
import { caseWideMarking, nextCaseState } from './access';
import { caseView } from './views';

export const EMBARGO_JOB = 'case.embargo-deadline';
const SCHEDULER: Actor = Object.freeze({ userId: null, organisationId: null, label: 'system:embargo' });

/**
 * Enqueues the reminders before the agreed public date and the job that ends the embargo
 * at that date. A revised date enqueues new jobs; the old ones find the date changed and
 * do nothing (as advisory publication does, ADR 0020).
 */
export async function enqueueEmbargoJobs(ctx: ServiceContext, tx: Tx, c: CaseRow, publicAt: Date, policy: EmbargoPolicy, now: Date): Promise<Date[]> {
  const reminders = reminderTimes(publicAt, policy.reminderOffsetsMinutes, now);
  const deadline = publicAt.toISOString();
  await enqueueJobs(
    tx,
    [
      ...reminders.map((at) => ({
        id: ctx.newId(),
        kind: EMBARGO_JOB,
        payload: { caseId: c.id, deadline, step: 'reminder', at: at.toISOString() },
        runAt: at,
        maxAttempts: 10,
      })),
      { id: ctx.newId(), kind: EMBARGO_JOB, payload: { caseId: c.id, deadline, step: 'end' }, runAt: publicAt, maxAttempts: 20 },
    ],
    now,
  );
  return reminders;
}

const underEmbargo = (c: CaseRow, deadline: string): boolean =>
  (c.state === 'embargoed' || c.state === 'scheduled') &&
  c.embargoEnd?.toISOString() === deadline &&
  (c.embargoState === 'active' || c.embargoState === 'revise');

/**
 * A reminder tells every participant (an outbox event → webhooks and streams) how long is
 * left; at the deadline the embargo exits (Vultron EM.eXited) and the case is disclosed.
 */
export async function embargoDeadline(ctx: ServiceContext, caseId: string, deadline: string, step: 'reminder' | 'end'): Promise<boolean> {
  return write(ctx, SCHEDULER, async (tx, record) => {
    const c = await lockVisibleCase(tx, SYSTEM, caseId);
    if (!c || !underEmbargo(c, deadline)) return false;
    const marking = caseWideMarking(c, c.createdBy);
    if (step === 'reminder') {
      record({
        action: 'embargo.reminder',
        recordType: 'case',
        recordId: c.id,
        before: null,
        after: null,
        marking,
        data: { id: c.id, title: c.title, publicAt: deadline },
      });
      return true;
    }
    const embargo = transitionEmbargo(c.embargoState as 'active', 'terminate');
    const after = await updateCase(tx, c.id, {
      state: nextCaseState(c.state, 'disclose'),
      embargoState: embargo.ok ? embargo.state : c.embargoState,
      updatedAt: ctx.now(),
    });
    record({
      action: 'embargo.ended',
      recordType: 'case',
      recordId: c.id,
      before: caseView(c, true),
      after: caseView(after, true),
      marking,
      data: { id: c.id, title: c.title, publicAt: deadline, state: after.state },
    });
    return true;
  });
}

export const embargoDeadlineJob: JobHandler = async (ctx, payload) => {
  await embargoDeadline(ctx, String(payload.caseId), String(payload.deadline), payload.step === 'end' ? 'end' : 'reminder');
  return { status: 'done' };
};
