import { can } from '../../domain/policy/actions';
import { type CaseState, type CaseEvent, transitionCase } from '../../domain/cases/case-states';
import { AppError, notFound } from '../../domain/errors';
import { type Principal, viewerOf } from '../../domain/identity/principal';
import type { Marking, Tlp } from '../../domain/policy/marking';
import { type CaseRow, findVisibleCase, lockVisibleCase } from '../../store/cases/cases';
import { findVisibleParticipation, type CaseVendorRow } from '../../store/cases/vendors';
import type { Executor, Tx } from '../../store/database';

/** FORBIDDEN unless `p` runs coordination (analyst or admin of a coordinating organisation). */
export function assertCaseCoordinator(p: Principal): void {
  if (!can(p, 'cases.coordinate')) throw new AppError('FORBIDDEN', 'Only analysts and administrators of a coordinating organisation run cases');
}

/** Whether `p` is on the coordinating side of this case (its owner organisation). */
export const coordinates = (p: Principal, c: CaseRow): boolean => p.organisationId === c.ownerOrganisationId && can(p, 'cases.coordinate');

/** Cases, and everything in them, are shared with the organisation only (TLP 2.0 AMBER+STRICT). */
export const CASE_TLP: Tlp = 'AMBER+STRICT';

/** The marking of a case-wide record: the coordinator's organisation and every invited vendor. */
export const caseWideMarking = (c: CaseRow, createdBy: string | null): Marking => ({
  ownerOrganisationId: c.ownerOrganisationId,
  createdBy,
  tlp: CASE_TLP,
  classification: 'UNCLASSIFIED',
  accessOrganisations: [...c.accessOrganisations],
  accessUsers: [],
});

/** The marking of a record between the coordinator and one vendor (its statement, its private thread). */
export const vendorMarking = (c: CaseRow, vendor: string, createdBy: string | null): Marking => ({
  ...caseWideMarking(c, createdBy),
  accessOrganisations: [vendor],
});

/** A case `p` can see (locked when `lock`), or NOT_FOUND. */
export async function visibleCase(db: Executor | Tx, p: Principal, id: string, lock = false): Promise<CaseRow> {
  const c = lock ? await lockVisibleCase(db, viewerOf(p), id) : await findVisibleCase(db, viewerOf(p), id);
  if (!c) throw notFound('Case');
  return c;
}

/** A case `p` coordinates, locked: NOT_FOUND when invisible, FORBIDDEN for its vendors. */
export async function caseToCoordinate(tx: Tx, p: Principal, id: string): Promise<CaseRow> {
  const c = await visibleCase(tx, p, id, true);
  if (!coordinates(p, c)) throw new AppError('FORBIDDEN', 'Only the case coordinators do this');
  return c;
}

/** The caller's own participation in a case, when it writes for its vendor organisation. */
export async function ownParticipation(db: Executor, p: Principal, c: CaseRow): Promise<CaseVendorRow> {
  const v = await findVisibleParticipation(db, viewerOf(p), c.id, p.organisationId);
  if (!v) throw notFound('Case');
  if (!can(p, 'organisation.speak-for', { organisationId: p.organisationId })) throw new AppError('FORBIDDEN', 'Your role or token cannot write');
  return v;
}

/** The next case state, or CONFLICT naming the forbidden move. */
export function nextCaseState(state: string, event: CaseEvent): CaseState {
  const r = transitionCase(state as CaseState, event);
  if (!r.ok) throw new AppError('CONFLICT', `The case is ${state}: ${r.error.message}`, [{ path: '/state', message: r.error.message }]);
  return r.state;
}
