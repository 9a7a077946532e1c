import { defaultEmbargoEnd } from '../../domain/cases/embargo-policy';
import { AppError, type FieldProblem } from '../../domain/errors';
import type { Principal } from '../../domain/identity/principal';
import { widenCaseAccess } from '../../store/cases/access';
import { updateCase, type CaseRow } from '../../store/cases/cases';
import { insertProposal } from '../../store/cases/proposals';
import { insertCaseVendors, invitedOrganisations } from '../../store/cases/vendors';
import type { Tx } from '../../store/database';
import { findOrganisation } from '../../store/organisations';
import { markingRow } from '../../store/visibility';
import { actorOf } from '../actor';
import type { ServiceContext } from '../context';
import { type Record_, write } from '../unit-of-work';
import { CASE_TLP, caseToCoordinate, caseWideMarking, nextCaseState, vendorMarking } from './access';
import { updateAdvisoryDraft } from '../advisories/drafting';
import { embargoPolicy } from './settings';
import { sharePocsOfCase } from './share-poc';
import { caseView, type CaseView, participationView, proposalView } from './views';

async function checkVendors(tx: Tx, c: CaseRow, organisations: readonly string[]): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  if (organisations.length === 0) problems.push({ path: '/organisations', message: 'invite at least one vendor' });
  const already = new Set(await invitedOrganisations(tx, c.id));
  const seen = new Set<string>();
  for (const [i, id] of organisations.entries()) {
    const path = `/organisations/${i}`;
    if (seen.has(id)) problems.push({ path, message: 'listed twice' });
    else if (id === c.ownerOrganisationId) problems.push({ path, message: 'the coordinating organisation is not a vendor' });
    else if (already.has(id)) problems.push({ path, message: 'already invited' });
    else if (!(await findOrganisation(tx, id))) problems.push({ path, message: 'no such organisation' });
    seen.add(id);
  }
  return problems;
}

/** At the first vendor notice the policy's default public date is proposed (Vultron EM.None → EM.Proposed). */
async function proposeDefaultDate(ctx: ServiceContext, tx: Tx, record: Record_, c: CaseRow, now: Date): Promise<CaseRow> {
  const publicAt = defaultEmbargoEnd({ firstNoticeAt: now, exploited: c.exploited, fixBypass: c.fixBypass }, await embargoPolicy(tx));
  const marking = caseWideMarking(c, c.createdBy);
  const proposal = await insertProposal(tx, {
    id: ctx.newId(),
    caseId: c.id,
    publicAt,
    reason: 'policy default',
    extension: false,
    proposedByOrganisation: c.ownerOrganisationId,
    status: 'open',
    ...markingRow(marking),
    createdAt: now,
  });
  record({
    action: 'embargo.proposed',
    recordType: 'embargo_proposal',
    recordId: proposal.id,
    before: null,
    after: proposalView(proposal),
    marking,
    data: proposalView(proposal),
  });
  return updateCase(tx, c.id, { embargoState: 'proposed' });
}

/**
 * Invites vendors to a case: each sees the case and what is case-wide from now on, gets
 * its own participation record and an `case_vendor.invited` event marked for it alone (its
 * webhooks, its event stream, its inbox). The first notice starts the embargo clock.
 */
export async function inviteVendors(ctx: ServiceContext, p: Principal, caseId: string, organisations: readonly string[]): Promise<CaseView> {
  const view = await write(ctx, actorOf(p), async (tx, record) => {
    const before = await caseToCoordinate(tx, p, caseId);
    const state = nextCaseState(before.state, 'invite');
    const problems = await checkVendors(tx, before, organisations);
    if (problems.length) throw new AppError('VALIDATION', 'Some vendors cannot be invited', problems);
    const now = ctx.now();
    await widenCaseAccess(tx, before.id, before.ownerOrganisationId, organisations);
    let after = await updateCase(tx, before.id, {
      state,
      vendorCount: before.vendorCount + organisations.length,
      firstNoticeAt: before.firstNoticeAt ?? now,
      updatedAt: now,
    });
    const rows = await insertCaseVendors(
      tx,
      organisations.map((org) => ({
        id: ctx.newId(),
        caseId: before.id,
        organisationId: org,
        status: 'invited',
        invitedAt: now,
        ...markingRow(vendorMarking(after, org, p.userId)),
      })),
    );
    await sharePocsOfCase(tx, record, before.id, organisations);
    for (const v of rows) {
      record({
        action: 'case_vendor.invited',
        recordType: 'case_vendor',
        recordId: v.id,
        before: null,
        after: participationView(v),
        marking: vendorMarking(after, v.organisationId, p.userId),
        data: { ...participationView(v), title: after.title },
      });
    }
    if (after.embargoState === 'none' && !before.firstNoticeAt) after = await proposeDefaultDate(ctx, tx, record, after, now);
    record({
      action: 'case.updated',
      recordType: 'case',
      recordId: after.id,
      before: caseView(before, true),
      after: caseView(after, true),
      marking: caseWideMarking(after, after.createdBy),
      data: { id: after.id, state: after.state },
    });
    return { view: caseView(after, true), vendors: [...after.accessOrganisations] };
  });
  // A vendor invited after the advisory was drafted is put on its access list too (the publication slice's own transaction).
  const advisoryId = view.view.advisoryId;
  if (advisoryId && (view.view.state === 'embargoed' || view.view.state === 'scheduled' || view.view.state === 'coordinating')) {
    await updateAdvisoryDraft(ctx, p, advisoryId, { marking: { tlp: CASE_TLP, access: { organisations: view.vendors } } });
  }
  return view.view;
}
