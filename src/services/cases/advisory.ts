import type { AdvisoryContent } from '../../domain/advisory/content';
import { AppError } from '../../domain/errors';
import type { Principal } from '../../domain/identity/principal';
import { updateCase } from '../../store/cases/cases';
import { actorOf } from '../actor';
import { createAdvisoryDraftIn } from '../advisories/drafting';
import { scheduleAdvisoryIn } from '../advisories/publication';
import type { AdvisoryView } from '../advisories/view';
import type { ServiceContext } from '../context';
import { write } from '../unit-of-work';
import { caseFacts, draftFromCase } from './advisory-content';
import { CASE_TLP, caseToCoordinate, caseWideMarking, nextCaseState } from './access';
import { caseView } from './views';

/**
 * Drafts the case's advisory with the case's vendors on its access list, schedules its
 * publication at the embargo end when an embargo is agreed, and links it to the case:
 * one transaction, so a failure anywhere leaves neither a stray draft nor a half-linked case.
 * The draft starts from what the case knows (its reports, findings and vendor statements:
 * `draftFromCase`); each field the coordinator gives replaces the derived one.
 */
export async function draftCaseAdvisory(
  ctx: ServiceContext,
  p: Principal,
  caseId: string,
  given: Partial<AdvisoryContent> = {},
): Promise<{ advisory: AdvisoryView; case: ReturnType<typeof caseView> }> {
  return write(ctx, actorOf(p), async (tx, record) => {
    const before = await caseToCoordinate(tx, p, caseId);
    if (before.advisoryId)
      throw new AppError('CONFLICT', 'The case has an advisory', [{ path: '/advisoryId', message: `already drafted as ${before.advisoryId}` }]);
    const derived = draftFromCase(await caseFacts(tx, before));
    const content: AdvisoryContent = { ...derived, ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) };
    let advisory = await createAdvisoryDraftIn(ctx, tx, record, p, {
      content,
      marking: { tlp: CASE_TLP, access: { organisations: [...before.accessOrganisations] } },
      caseId: before.id,
    });
    const publicAt = before.embargoEnd && before.embargoEnd.getTime() > ctx.now().getTime() && before.state === 'embargoed' ? before.embargoEnd : null;
    if (publicAt) advisory = await scheduleAdvisoryIn(ctx, tx, record, p, advisory.id, publicAt);
    const after = await updateCase(tx, before.id, {
      advisoryId: advisory.id,
      state: publicAt ? nextCaseState(before.state, 'schedule') : before.state,
      updatedAt: ctx.now(),
    });
    record({
      action: 'case.updated',
      recordType: 'case',
      recordId: after.id,
      before: caseView(before, true),
      after: caseView(after, true),
      marking: caseWideMarking(after, after.createdBy),
      data: { id: after.id, state: after.state, advisoryId: advisory.id },
    });
    return { advisory, case: caseView(after, true) };
  });
}
