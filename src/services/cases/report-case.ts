import type { CaseState } from '../../domain/cases/case-states';
import type { Viewer } from '../../domain/policy/viewer';
import { findPublishedAdvisory } from '../../store/advisories/queries';
import { caseStatusOfReport } from '../../store/cases/cases';
import type { Executor } from '../../store/database';
import type { ReportRow } from '../../store/intake/reports';

/** What the finder of a report is told about the case it is in (ADR 0031). */
export interface ReportCaseStatus {
  readonly state: CaseState;
  /** The agreed public date (the embargo end), null until one is agreed. */
  readonly publicAt: string | null;
  /** When the case's advisory was published, null until it is. */
  readonly publishedAt: string | null;
}

/**
 * The status and public date of the newest case `report` is in, for someone who sees the
 * report (the caller passes the row it read through the policy: its finder organisation and
 * the coordinators). Never the case's id, vendors, threads or statements: a finder that is
 * not a participant learns how far disclosure has come, not who takes part. The published
 * date is read through the policy, so a draft advisory stays unseen.
 */
export async function reportCaseStatus(db: Executor, viewer: Viewer, report: ReportRow): Promise<ReportCaseStatus | null> {
  const c = await caseStatusOfReport(db, report.id);
  if (!c) return null;
  const advisory = c.advisoryId ? await findPublishedAdvisory(db, viewer, c.advisoryId) : null;
  return { state: c.state as CaseState, publicAt: c.embargoEnd?.toISOString() ?? null, publishedAt: advisory?.publishedAt?.toISOString() ?? null };
}
