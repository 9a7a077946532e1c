import type { EarlyDisclosureConfirmation } from '../../domain/cases/early-disclosure';
import { AppError } from '../../domain/errors';
import type { Principal } from '../../domain/identity/principal';
import { updateCase } from '../../store/cases/cases';
import { actorOf } from '../actor';
import { publishCaseAdvisoryIn } from '../advisories/publication';
import type { ServiceContext } from '../context';
import { write } from '../unit-of-work';
import { caseToCoordinate, caseWideMarking, nextCaseState } from './access';
import { confirmedEarlyDisclosure, discloseCaseIn } from './disclosure';
import { caseView, type CaseView } from './views';

export interface CaseTransitionRequest extends EarlyDisclosureConfirmation {
  /**
   * `disclose` early (the embargo exits: under an agreed embargo, with `confirmEmbargoEnd`
   * and a `reason`), `close` (with a reason), `reopen`.
   */
  readonly event: 'disclose' | 'close' | 'reopen';
  readonly reason?: string | null | undefined;
}

/** The coordinator moves a case through the events people fire (the rest follow from invitations and the embargo). */
export async function transitionCaseBy(ctx: ServiceContext, p: Principal, caseId: string, req: CaseTransitionRequest): Promise<CaseView> {
  return write(ctx, actorOf(p), async (tx, record) => {
    const before = await caseToCoordinate(tx, p, caseId);
    const state = nextCaseState(before.state, req.event);
    if (req.event === 'disclose') {
      // Disclosure ends an agreed embargo early (Vultron EM.Active/EM.Revise → EM.eXited): confirmed,
      // with a reason; the advisory scheduled for the embargo end is published in the same transaction.
      const reason = confirmedEarlyDisclosure(before, ctx.now(), req);
      const advisory = before.advisoryId ? await publishCaseAdvisoryIn(ctx, tx, record, before.advisoryId) : null;
      return caseView(await discloseCaseIn(ctx, tx, record, before, { reason, advisoryId: advisory?.id ?? null }), true);
    }
    if (req.event === 'close' && !req.reason?.trim())
      throw new AppError('VALIDATION', 'Closing needs a reason', [{ path: '/reason', message: 'required to close a case' }]);
    const after = await updateCase(tx, before.id, {
      state,
      ...(req.event === 'close' ? { closeReason: req.reason!.trim() } : {}),
      ...(req.event === 'reopen' ? { closeReason: null } : {}),
      updatedAt: ctx.now(),
    });
    record({
      action: 'case.transitioned',
      recordType: 'case',
      recordId: after.id,
      before: caseView(before, true),
      after: caseView(after, true),
      marking: caseWideMarking(after, after.createdBy),
      data: { id: after.id, from: before.state, to: after.state, event: req.event },
    });
    return caseView(after, true);
  });
}
