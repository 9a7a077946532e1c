import { checkProposal, isExtension } from '../../domain/cases/embargo-policy';
import { acceptEvent, type EmbargoEvent, type EmbargoState, proposalEvent, rejectEvent, transitionEmbargo } from '../../domain/cases/embargo-states';
import { AppError } from '../../domain/errors';
import type { Principal } from '../../domain/identity/principal';
import { viewerOf } from '../../domain/identity/principal';
import { updateCase } from '../../store/cases/cases';
import { insertProposal, lockVisibleProposal, settleProposals } from '../../store/cases/proposals';
import { updateParticipation } from '../../store/cases/vendors';
import { markingRow } from '../../store/visibility';
import { actorOf } from '../actor';
import { scheduleAdvisory } from '../advisories/publication';
import type { ServiceContext } from '../context';
import { write } from '../unit-of-work';
import { caseToCoordinate, caseWideMarking, coordinates, nextCaseState, ownParticipation, vendorMarking, visibleCase } from './access';
import { enqueueEmbargoJobs } from './reminders';
import { embargoPolicy } from './settings';
import { caseView, type CaseView, participationView, proposalView } from './views';

function embargoStep(state: string, event: EmbargoEvent | null, what: string): EmbargoState {
  const r = event ? transitionEmbargo(state as EmbargoState, event) : null;
  if (!r?.ok)
    throw new AppError('CONFLICT', `The embargo is ${state}: cannot ${what}`, [
      { path: '/embargo/state', message: `cannot ${what} an embargo that is ${state}` },
    ]);
  return r.state;
}

export interface ProposalInput {
  readonly publicAt: Date;
  readonly reason?: string | null | undefined;
}

/**
 * Proposes a public date: the coordinator for everyone, or a vendor as a counter-proposal
 * that only it and the coordinator see. A later date than the agreed one is an extension
 * and needs a reason (recorded on the proposal and in the audit trail).
 */
export async function proposeEmbargo(ctx: ServiceContext, p: Principal, caseId: string, input: ProposalInput) {
  return write(ctx, actorOf(p), async (tx, record) => {
    const c = await visibleCase(tx, p, caseId, true);
    const coordinator = coordinates(p, c);
    const participation = coordinator ? null : await ownParticipation(tx, p, c);
    const now = ctx.now();
    const problems = checkProposal({ publicAt: input.publicAt, reason: input.reason }, c.embargoEnd, now);
    if (problems.length) throw new AppError('VALIDATION', 'The proposal has invalid fields', problems);
    const embargoState = embargoStep(c.embargoState, proposalEvent(c.embargoState as EmbargoState), 'propose a date for');
    const marking = coordinator ? caseWideMarking(c, p.userId) : vendorMarking(c, p.organisationId, p.userId);
    const proposal = await insertProposal(tx, {
      id: ctx.newId(),
      caseId: c.id,
      publicAt: input.publicAt,
      reason: input.reason?.trim() || null,
      extension: isExtension(c.embargoEnd, input.publicAt),
      proposedByOrganisation: p.organisationId,
      status: 'open',
      ...markingRow(marking),
      createdAt: now,
    });
    if (participation)
      await updateParticipation(tx, participation.id, { embargoProposalId: proposal.id, embargoResponse: 'counter-proposed', respondedAt: now });
    await updateCase(tx, c.id, { embargoState, updatedAt: now });
    record({
      action: 'embargo.proposed',
      recordType: 'embargo_proposal',
      recordId: proposal.id,
      before: null,
      after: proposalView(proposal),
      marking,
      data: proposalView(proposal),
    });
    return proposalView(proposal);
  });
}

/** A vendor accepts a proposal (counter-proposing is `proposeEmbargo`); the coordinator sees the answer. */
export async function acceptProposal(ctx: ServiceContext, p: Principal, caseId: string, proposalId: string) {
  return write(ctx, actorOf(p), async (tx, record) => {
    const c = await visibleCase(tx, p, caseId, true);
    const participation = await ownParticipation(tx, p, c);
    const proposal = await lockVisibleProposal(tx, viewerOf(p), c.id, proposalId);
    if (!proposal) throw new AppError('NOT_FOUND', 'Embargo proposal not found');
    if (proposal.status !== 'open')
      throw new AppError('CONFLICT', `The proposal is ${proposal.status}`, [{ path: '/proposalId', message: `already ${proposal.status}` }]);
    const after = await updateParticipation(tx, participation.id, { embargoProposalId: proposal.id, embargoResponse: 'accepted', respondedAt: ctx.now() });
    record({
      action: 'embargo.responded',
      recordType: 'case_vendor',
      recordId: after.id,
      before: participationView(participation),
      after: participationView(after),
      marking: vendorMarking(c, p.organisationId, participation.createdBy),
    });
    return participationView(after);
  });
}

export type Decision = { readonly decision: 'adopt'; readonly proposalId: string } | { readonly decision: 'decline' };

/**
 * The coordinator decides: adopting a proposal makes its date the agreed public date
 * (EM.Active), enqueues the reminders and the deadline, and reschedules the case's
 * advisory; declining turns the open proposals down (EM.None, or back to EM.Active).
 */
export async function decideEmbargo(ctx: ServiceContext, p: Principal, caseId: string, d: Decision): Promise<CaseView> {
  const view = await write(ctx, actorOf(p), async (tx, record) => {
    const c = await caseToCoordinate(tx, p, caseId);
    const now = ctx.now();
    if (d.decision === 'decline') {
      const embargoState = embargoStep(c.embargoState, rejectEvent(c.embargoState as EmbargoState), 'decline proposals for');
      await settleProposals(tx, c.id, null, now);
      const after = await updateCase(tx, c.id, { embargoState, updatedAt: now });
      record({
        action: 'embargo.decided',
        recordType: 'case',
        recordId: c.id,
        before: caseView(c, true),
        after: caseView(after, true),
        marking: caseWideMarking(after, after.createdBy),
        data: { id: c.id, decision: 'decline', embargo: caseView(after, false).embargo },
      });
      return caseView(after, true);
    }
    const proposal = await lockVisibleProposal(tx, viewerOf(p), c.id, d.proposalId);
    if (!proposal) throw new AppError('VALIDATION', 'No such proposal', [{ path: '/proposalId', message: 'no such proposal in this case' }]);
    if (proposal.status !== 'open')
      throw new AppError('CONFLICT', `The proposal is ${proposal.status}`, [{ path: '/proposalId', message: `already ${proposal.status}` }]);
    const problems = checkProposal({ publicAt: proposal.publicAt, reason: proposal.reason }, c.embargoEnd, now);
    if (problems.length) throw new AppError('VALIDATION', 'The proposal can no longer be adopted', problems);
    const embargoState = embargoStep(c.embargoState, acceptEvent(c.embargoState as EmbargoState), 'adopt a date for');
    await settleProposals(tx, c.id, proposal.id, now);
    const after = await updateCase(tx, c.id, { embargoState, embargoEnd: proposal.publicAt, state: nextCaseState(c.state, 'embargo'), updatedAt: now });
    const reminders = await enqueueEmbargoJobs(ctx, tx, after, proposal.publicAt, await embargoPolicy(tx), now);
    record({
      action: 'embargo.decided',
      recordType: 'case',
      recordId: c.id,
      before: caseView(c, true),
      after: caseView(after, true),
      marking: caseWideMarking(after, after.createdBy),
      // The event is case-wide: a vendor's counter-proposal reason is private to it and the
      // coordinator (its proposal's marking), so only the coordinator's own reason travels (issue 9 item 4).
      data: {
        id: c.id,
        decision: 'adopt',
        publicAt: proposal.publicAt.toISOString(),
        extension: proposal.extension,
        ...(proposal.proposedByOrganisation === c.ownerOrganisationId ? { reason: proposal.reason } : {}),
        reminders: reminders.map((r) => r.toISOString()),
      },
    });
    return caseView(after, true);
  });
  // The advisory keeps step with the agreed date (its own transaction, ADR 0030).
  if (d.decision === 'adopt' && view.advisoryId && view.state === 'scheduled' && view.embargo.publicAt) {
    await scheduleAdvisory(ctx, p, view.advisoryId, new Date(view.embargo.publicAt));
  }
  return view;
}
