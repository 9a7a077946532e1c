import type { ScorecardAssessment, ScorecardFinding } from '../../domain/frontier/scorecard';
import type { Viewer } from '../../domain/policy/viewer';
import type { Executor } from '../../store/database';
import { engagementsOfDevelopers, findingsOfDevelopers } from '../../store/frontier/assessment-records';

/** States at or past the final report (ADR 0103): the assessment is complete. */
const COMPLETED = new Set(['final', 'published_summary', 'confidential_only']);
const REMEDIATIONS = new Set<ScorecardFinding['remediation']>(['open', 'mitigated_before_release', 'accepted', 'disputed']);

/** Every developer asked about gets an entry (empty when it has none): tracked, and zero is a real zero. */
const byDeveloper = <T>(ids: readonly string[], rows: readonly { developerOrganisationId: string; item: T }[]) => {
  const out = new Map<string, T[]>(ids.map((id) => [id, []]));
  for (const r of rows) out.get(r.developerOrganisationId)?.push(r.item);
  return out;
};

/**
 * The developer organisation as a whole (no person's access list, no clearance): a scorecard
 * counts only the engagements and findings the developer itself may see, so neither its own
 * scorecard nor a published aggregate reveals a classified engagement or a finding marked
 * narrower than the developer (policy module, read at the time of the count).
 */
const asDeveloper = (organisationId: string): Viewer => ({ kind: 'organisation', organisationId, clientOf: null, coordinator: false });

/** Rows of each developer, each read as that developer. */
async function perDeveloper<T>(ids: readonly string[], read: (viewer: Viewer, id: string) => Promise<T[]>): Promise<T[]> {
  return (await Promise.all(ids.map((id) => read(asDeveloper(id), id)))).flat();
}

/**
 * The third-party assessments of each developer's models, for its scorecard (issue 12, ADR
 * 0105) — those the developer may see. A scorecard is shown only to the developer itself and
 * the coordinators, and published only as controlled aggregates.
 * Withdrawn engagements are left out. Completed "before release" means the report became final
 * before the version's actual release, or the version is not released yet.
 */
export async function assessmentsOfDevelopers(db: Executor, developerOrganisationIds: readonly string[]): Promise<Map<string, ScorecardAssessment[]>> {
  const rows = await perDeveloper(developerOrganisationIds, (viewer, id) => engagementsOfDevelopers(db, viewer, [id]));
  return byDeveloper(
    developerOrganisationIds,
    rows
      .filter((r) => r.state !== 'withdrawn')
      .map((r) => {
        const completed = COMPLETED.has(r.state);
        const finalAt = r.history.find((h) => h.to === 'final')?.at;
        const completedBeforeRelease = completed && (r.releasedAt === null || (finalAt !== undefined && Date.parse(finalAt) < r.releasedAt.getTime()));
        return { developerOrganisationId: r.developerOrganisationId, item: { engagementId: r.id, versionId: r.versionId, completed, completedBeforeRelease } };
      }),
  );
}

/** The findings of those assessments with their remediation state, per developer. */
export async function findingsOfDeveloperModels(db: Executor, developerOrganisationIds: readonly string[]): Promise<Map<string, ScorecardFinding[]>> {
  const rows = await perDeveloper(developerOrganisationIds, (viewer, id) => findingsOfDevelopers(db, viewer, [id]));
  return byDeveloper(
    developerOrganisationIds,
    rows.flatMap((r) => {
      const remediation = r.remediationState as ScorecardFinding['remediation'];
      return REMEDIATIONS.has(remediation)
        ? [{ developerOrganisationId: r.developerOrganisationId, item: { findingId: r.id, versionId: r.versionId, remediation } }]
        : [];
    }),
  );
}
