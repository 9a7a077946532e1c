import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Viewer } from '../../domain/policy/viewer';
import type { Executor } from '../database';
import { caseVulnerabilities, findingAttachments, findings, reports } from '../schema/index';
import { visibleTo } from '../visibility';
import type { AttachmentRow } from '../intake/attachments';

/** What a case vulnerability tells its audience about the report behind it (ADR 0031). */
export interface VulnerabilityDetails {
  readonly vulnerabilityId: string;
  readonly description: string | null;
  readonly affectedVersions: string[] | null;
  readonly severity: string;
  readonly cvssVector: string | null;
  readonly cvssScore: number | null;
  readonly ssvc: unknown;
}

/**
 * The technical details of the reports behind the case vulnerabilities the viewer may see
 * (ADR 0031): the vulnerability's marking decides, so a vendor gets them for its case and
 * nobody else gets anything. Only these columns leave the report — never its finder,
 * provenance, reporters or marking. The description and affected versions are the report's
 * first finding by its own organisation (the one that opened it); severity, CVSS and SSVC are
 * the report's, read live so a re-scored report reaches the vendors.
 */
export async function visibleVulnerabilityDetails(db: Executor, viewer: Viewer, caseId: string): Promise<VulnerabilityDetails[]> {
  const first = db
    .select({ description: findings.description, affectedVersions: findings.affectedVersions })
    .from(findings)
    .where(and(eq(findings.reportId, reports.id), eq(findings.ownerOrganisationId, reports.ownerOrganisationId)))
    .orderBy(asc(findings.createdAt), asc(findings.id))
    .limit(1)
    .as('first_finding');
  return db
    .select({
      vulnerabilityId: caseVulnerabilities.id,
      description: first.description,
      affectedVersions: first.affectedVersions,
      severity: reports.severity,
      cvssVector: reports.cvssVector,
      cvssScore: reports.cvssScore,
      ssvc: reports.ssvc,
    })
    .from(caseVulnerabilities)
    .innerJoin(reports, eq(reports.id, caseVulnerabilities.reportId))
    .leftJoinLateral(first, sql`true`)
    .where(and(eq(caseVulnerabilities.caseId, caseId), visibleTo(viewer, caseVulnerabilities)));
}

/** The proofs of concept of these reports the viewer may download (TLP:RED: named recipients only). */
export async function visibleProofsOfReports(db: Executor, viewer: Viewer, reportIds: readonly string[]): Promise<AttachmentRow[]> {
  if (reportIds.length === 0) return [];
  return db
    .select()
    .from(findingAttachments)
    .where(and(inArray(findingAttachments.reportId, [...reportIds]), visibleTo(viewer, findingAttachments)))
    .orderBy(asc(findingAttachments.createdAt), asc(findingAttachments.id));
}
