import { AppError, type FieldProblem, notFound } from '../../domain/errors';
import { type Principal, viewerOf } from '../../domain/identity/principal';
import { can } from '../../domain/policy/actions';
import { lockVisibleReport, updateReport } from '../../store/intake/reports';
import { findOrganisation } from '../../store/organisations';
import { markingOf } from '../../store/visibility';
import { actorOf } from '../actor';
import type { ServiceContext } from '../context';
import { write } from '../unit-of-work';
import { reportView } from './report-views';

/**
 * An analyst opens a report to more organisations (for instance the other reporters of a
 * duplicate). Nothing else widens a report's audience: not a duplicate, not a merge
 * (ADR 0013). Audited as `report.shared`, marked with the widened marking so the new
 * recipients learn of it.
 */
export async function shareReport(ctx: ServiceContext, p: Principal, id: string, organisations: readonly string[]) {
  if (!can(p, 'reports.triage')) throw new AppError('FORBIDDEN', 'Only the clearinghouse’s analysts and admins share reports');
  return write(ctx, actorOf(p), async (tx, record) => {
    const before = await lockVisibleReport(tx, viewerOf(p), id);
    if (!before) throw notFound('Report');
    const problems: FieldProblem[] = [];
    for (const [i, org] of organisations.entries())
      if (!(await findOrganisation(tx, org))) problems.push({ path: `/organisations/${i}`, message: 'no such organisation' });
    if (problems.length) throw new AppError('VALIDATION', 'Share with existing organisations', problems);
    const added = [...new Set(organisations)].filter((o) => o !== before.ownerOrganisationId && !before.accessOrganisations.includes(o));
    const after = await updateReport(tx, id, { accessOrganisations: [...before.accessOrganisations, ...added], updatedAt: ctx.now() });
    const opts = { triager: true, closeDays: 0 };
    record({
      action: 'report.shared',
      recordType: 'report',
      recordId: id,
      before: reportView(before, opts),
      after: reportView(after, opts),
      marking: markingOf(after),
      data: { id, organisations: added },
    });
    return reportView(after, opts);
  });
}
