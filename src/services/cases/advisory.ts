import type { AdvisoryContent } from '../../domain/advisory/content';
import { AppError } from '../../domain/errors';
import type { Principal } from '../../domain/identity/principal';
import { updateCase } from '../../store/cases/cases';
import { actorOf } from '../actor';
import { createAdvisoryDraft } from '../advisories/drafting';
import { scheduleAdvisory } from '../advisories/publication';
import type { AdvisoryView } from '../advisories/view';
import type { ServiceContext } from '../context';
import { write } from '../unit-of-work';
import { CASE_TLP, caseToCoordinate, caseWideMarking, coordinates, nextCaseState, visibleCase } from './access';
import { caseView } from './views';

const assertCoordinates = async (ctx: ServiceContext, p: Principal, caseId: string) => {
  const c = await visibleCase(ctx.db, p, caseId);
  if (!coordinates(p, c)) throw new AppError('FORBIDDEN', 'Only the case coordinators do this');
  if (c.advisoryId) throw new AppError('CONFLICT', 'The case has an advisory', [{ path: '/advisoryId', message: `already drafted as ${c.advisoryId}` }]);
  return c;
};

/**
 * Drafts the case's advisory with the case's vendors on its access list and, when an
 * embargo is agreed, schedules its publication at the embargo end. The draft, the
 * schedule and the case's link are three transactions of their own (the publication
 * slice owns the first two); a failure after the draft leaves a draft that names the case.
 */
export async function draftCaseAdvisory(ctx: ServiceContext, p: Principal, caseId: string, content: AdvisoryContent): Promise<{ advisory: AdvisoryView; case: ReturnType<typeof caseView> }> {
  const c = await assertCoordinates(ctx, p, caseId);
  let advisory = await createAdvisoryDraft(ctx, p, { content, marking: { tlp: CASE_TLP, access: { organisations: [...c.accessOrganisations] } }, caseId: c.id });
  const publicAt = c.embargoEnd && c.embargoEnd.getTime() > ctx.now().getTime() && c.state === 'embargoed' ? c.embargoEnd : null;
  if (publicAt) advisory = await scheduleAdvisory(ctx, p, advisory.id, publicAt);
  const view = await write(ctx, actorOf(p), async (tx, record) => {
    const before = await caseToCoordinate(tx, p, caseId);
    if (before.advisoryId) throw new AppError('CONFLICT', 'The case has an advisory', [{ path: '/advisoryId', message: `already drafted as ${before.advisoryId}` }]);
    const after = await updateCase(tx, before.id, { advisoryId: advisory.id, state: publicAt ? nextCaseState(before.state, 'schedule') : before.state, updatedAt: ctx.now() });
    record({ action: 'case.updated', recordType: 'case', recordId: after.id, before: caseView(before, true), after: caseView(after, true), marking: caseWideMarking(after, after.createdBy), data: { id: after.id, state: after.state, advisoryId: advisory.id } });
    return caseView(after, true);
  });
  return { advisory, case: view };
}
