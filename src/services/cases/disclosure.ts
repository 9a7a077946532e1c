import { type EarlyDisclosureConfirmation, earlyDisclosureProblems, runningEmbargoEnd } from '../../domain/cases/early-disclosure';
import { transitionEmbargo, type EmbargoState } from '../../domain/cases/embargo-states';
import { AppError } from '../../domain/errors';
import { type CaseRow, updateCase } from '../../store/cases/cases';
import { settleProposals } from '../../store/cases/proposals';
import type { Tx } from '../../store/database';
import type { ServiceContext } from '../context';
import type { Record_ } from '../unit-of-work';
import { caseWideMarking, nextCaseState } from './access';
import { caseView } from './views';

/**
 * Throws unless ending `c`'s agreed embargo now is confirmed: CONFLICT naming the agreed
 * date when the request does not repeat it, VALIDATION when only the reason is missing.
 * Returns the trimmed reason (null when no embargo runs and none was given).
 */
export function confirmedEarlyDisclosure(c: CaseRow, now: Date, req: EarlyDisclosureConfirmation): string | null {
  const r = earlyDisclosureProblems(c, now, req);
  if (r.mismatch) throw new AppError('CONFLICT', `An embargo is agreed until ${r.agreed}: confirm that date and give a reason to end it early`, r.problems);
  if (r.problems.length) throw new AppError('VALIDATION', 'Ending the embargo early needs a reason', r.problems);
  return req.reason?.trim() || null;
}

/**
 * Discloses a case inside the caller's transaction (the case's "disclose now", or the
 * publication of its advisory): the case becomes `disclosed`, an agreed embargo exits
 * (Vultron EM.eXited) and open proposals are declined, the reason is kept on the case, and every participant — the
 * coordinators and every invited vendor, by the case-wide marking — gets `embargo.ended`
 * on webhooks and event streams, as the embargo reminders do. `advisoryId` relinks the
 * case to its advisory's public id when publication gave it one.
 */
export async function discloseCaseIn(
  ctx: ServiceContext,
  tx: Tx,
  record: Record_,
  c: CaseRow,
  how: { reason: string | null; advisoryId?: string | null },
): Promise<CaseRow> {
  const now = ctx.now();
  const early = runningEmbargoEnd(c, now) !== null;
  const exit = transitionEmbargo(c.embargoState as EmbargoState, 'terminate');
  // Open proposals of a date nobody agreed yet are moot once the case is public (Vultron EM.Proposed → r → EM.None).
  const moot = c.embargoState === 'proposed' ? transitionEmbargo('proposed', 'reject') : null;
  if (moot?.ok) await settleProposals(tx, c.id, null, now);
  const after = await updateCase(tx, c.id, {
    state: nextCaseState(c.state, 'disclose'),
    ...(exit.ok ? { embargoState: exit.state } : moot?.ok ? { embargoState: moot.state } : {}),
    ...(how.reason ? { disclosureReason: how.reason } : {}),
    ...(how.advisoryId ? { advisoryId: how.advisoryId } : {}),
    updatedAt: now,
  });
  const marking = caseWideMarking(after, after.createdBy);
  const views = { before: caseView(c, true), after: caseView(after, true) };
  record({
    action: 'case.transitioned',
    recordType: 'case',
    recordId: c.id,
    ...views,
    marking,
    data: { id: c.id, from: c.state, to: after.state, event: 'disclose', advisoryId: after.advisoryId },
  });
  if (exit.ok) {
    record({
      action: 'embargo.ended',
      recordType: 'case',
      recordId: c.id,
      ...views,
      marking,
      data: {
        id: c.id,
        title: c.title,
        publicAt: c.embargoEnd?.toISOString() ?? null,
        endedAt: now.toISOString(),
        early,
        reason: how.reason,
        state: after.state,
        advisoryId: after.advisoryId,
      },
    });
  }
  return after;
}

/** Whether a case in `state` can still be disclosed (it is not already public or closed). */
export const disclosable = (state: string): boolean => state === 'coordinating' || state === 'embargoed' || state === 'scheduled';
