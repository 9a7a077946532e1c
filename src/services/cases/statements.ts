import { parseStatement, type VendorStatementInput } from '../../domain/cases/vendor-statement';
import { AppError, notFound } from '../../domain/errors';
import { type Principal, viewerOf } from '../../domain/identity/principal';
import { findVisibleVulnerability, insertStatement, lockStatement, lockVisibleStatement, updateStatement } from '../../store/cases/statements';
import { findVisibleParticipation } from '../../store/cases/vendors';
import { SYSTEM } from '../../domain/policy/viewer';
import { markingOf, markingRow } from '../../store/visibility';
import { actorOf } from '../actor';
import type { ServiceContext } from '../context';
import { write } from '../unit-of-work';
import { caseToCoordinate, coordinates, ownParticipation, vendorMarking, visibleCase } from './access';
import { statementView, type StatementView } from './views';

export interface StatementInput extends VendorStatementInput {
  /** Only a coordinator recording a statement on a vendor's behalf names the vendor. */
  readonly vendorOrganisationId?: string | null | undefined;
}

/**
 * A vendor states, per vulnerability, whether its product is affected (the VEX vocabulary).
 * The statement is marked for the coordinator and that vendor only; a later statement
 * replaces it (the audit trail keeps every version's digest).
 */
export async function recordStatement(
  ctx: ServiceContext,
  p: Principal,
  caseId: string,
  vulnerabilityId: string,
  input: StatementInput,
): Promise<StatementView> {
  return write(ctx, actorOf(p), async (tx, record) => {
    const c = await visibleCase(tx, p, caseId);
    const coordinator = coordinates(p, c);
    let vendor = p.organisationId;
    if (coordinator) {
      if (!input.vendorOrganisationId)
        throw new AppError('VALIDATION', 'Name the vendor', [
          { path: '/vendorOrganisationId', message: 'a coordinator records a statement for an invited vendor' },
        ]);
      if (!(await findVisibleParticipation(tx, SYSTEM, c.id, input.vendorOrganisationId)))
        throw new AppError('VALIDATION', 'Not a vendor of this case', [{ path: '/vendorOrganisationId', message: 'not invited to this case' }]);
      vendor = input.vendorOrganisationId;
    } else {
      await ownParticipation(tx, p, c);
      if (input.vendorOrganisationId && input.vendorOrganisationId !== p.organisationId)
        throw new AppError('VALIDATION', 'A vendor speaks for itself', [
          { path: '/vendorOrganisationId', message: 'you state for your own organisation only' },
        ]);
    }
    const vuln = await findVisibleVulnerability(tx, viewerOf(p), c.id, vulnerabilityId);
    if (!vuln || (vuln.vendorOrganisationId && vuln.vendorOrganisationId !== vendor)) throw notFound('Vulnerability');
    const parsed = parseStatement(input);
    if (!parsed.ok) throw new AppError('VALIDATION', 'The statement has invalid fields', parsed.problems);
    const s = parsed.statement;
    const now = ctx.now();
    const fields = {
      status: s.status,
      justification: s.justification,
      impactStatement: s.impactStatement,
      actionStatement: s.actionStatement,
      fixedVersions: [...s.fixedVersions],
      updatedAt: now,
    };
    const before = await lockStatement(tx, vuln.id, vendor);
    const after = before
      ? await updateStatement(tx, before.id, fields)
      : await insertStatement(tx, {
          id: ctx.newId(),
          caseId: c.id,
          vulnerabilityId: vuln.id,
          vendorOrganisationId: vendor,
          ...fields,
          ...markingRow(vendorMarking(c, vendor, p.userId)),
          createdAt: now,
        });
    const view = statementView(after);
    record({
      action: 'vendor_statement.recorded',
      recordType: 'vendor_statement',
      recordId: after.id,
      before: before && statementView(before),
      after: view,
      marking: markingOf(after),
    });
    return view;
  });
}

/** The coordinator shares a statement with every vendor of the case (and those invited later). */
export async function shareStatement(ctx: ServiceContext, p: Principal, caseId: string, statementId: string): Promise<StatementView> {
  return write(ctx, actorOf(p), async (tx, record) => {
    const c = await caseToCoordinate(tx, p, caseId);
    const before = await lockVisibleStatement(tx, viewerOf(p), c.id, statementId);
    if (!before) throw notFound('Statement');
    const after = await updateStatement(tx, before.id, {
      shared: true,
      accessOrganisations: [...new Set([...c.accessOrganisations, before.vendorOrganisationId])],
      updatedAt: ctx.now(),
    });
    record({
      action: 'vendor_statement.shared',
      recordType: 'vendor_statement',
      recordId: after.id,
      before: statementView(before),
      after: statementView(after),
      marking: markingOf(after),
    });
    return statementView(after);
  });
}
