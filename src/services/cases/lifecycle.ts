import { transitionEmbargo, type EmbargoState } from '../../domain/cases/embargo-states';
import { AppError } from '../../domain/errors';
import type { Principal } from '../../domain/identity/principal';
import { updateCase } from '../../store/cases/cases';
import { actorOf } from '../actor';
import type { ServiceContext } from '../context';
import { write } from '../unit-of-work';
import { caseToCoordinate, caseWideMarking, nextCaseState } from './access';
import { caseView, type CaseView } from './views';

export interface CaseTransitionRequest {
  /** `disclose` early (the embargo exits), `close` (with a reason), `reopen`. */
  readonly event: 'disclose' | 'close' | 'reopen';
  readonly reason?: string | null | undefined;
}

/** The coordinator moves a case through the events people fire (the rest follow from invitations and the embargo). */
export async function transitionCaseBy(ctx: ServiceContext, p: Principal, caseId: string, req: CaseTransitionRequest): Promise<CaseView> {
  return write(ctx, actorOf(p), async (tx, record) => {
    const before = await caseToCoordinate(tx, p, caseId);
    const state = nextCaseState(before.state, req.event);
    if (req.event === 'close' && !req.reason?.trim()) throw new AppError('VALIDATION', 'Closing needs a reason', [{ path: '/reason', message: 'required to close a case' }]);
    // Disclosure ends an agreed embargo early (Vultron EM.Active/EM.Revise → EM.eXited).
    const exit = req.event === 'disclose' ? transitionEmbargo(before.embargoState as EmbargoState, 'terminate') : null;
    const after = await updateCase(tx, before.id, {
      state,
      ...(exit?.ok ? { embargoState: exit.state } : {}),
      ...(req.event === 'close' ? { closeReason: req.reason!.trim() } : {}),
      ...(req.event === 'reopen' ? { closeReason: null } : {}),
      updatedAt: ctx.now(),
    });
    record({ action: 'case.transitioned', recordType: 'case', recordId: after.id, before: caseView(before, true), after: caseView(after, true), marking: caseWideMarking(after, after.createdBy), data: { id: after.id, from: before.state, to: after.state, event: req.event } });
    return caseView(after, true);
  });
}
