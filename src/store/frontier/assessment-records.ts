import { and, eq, inArray } from 'drizzle-orm';
import type { Viewer } from '../../domain/policy/viewer';
import type { Executor } from '../database';
import { frontierAssessmentEngagements, frontierAssessmentFindings, frontierModelVersions } from '../schema/index';
import { visibleTo } from '../visibility';

/**
 * The engagements assessing these developers' models that the viewer may see, with the state,
 * the history (when the report became final) and the version's actual release: what a
 * scorecard counts (services/frontier/scorecard-assessments.ts).
 */
export async function engagementsOfDevelopers(db: Executor, viewer: Viewer, developerOrganisationIds: readonly string[]) {
  if (developerOrganisationIds.length === 0) return [];
  const e = frontierAssessmentEngagements;
  return db
    .select({
      id: e.id,
      versionId: e.versionId,
      developerOrganisationId: e.developerOrganisationId,
      state: e.state,
      history: e.history,
      releasedAt: frontierModelVersions.releasedAt,
    })
    .from(e)
    .innerJoin(frontierModelVersions, eq(frontierModelVersions.id, e.versionId))
    .where(and(inArray(e.developerOrganisationId, [...developerOrganisationIds]), visibleTo(viewer, e)));
}

/** The findings of those engagements the viewer may see, with their remediation state. */
export async function findingsOfDevelopers(db: Executor, viewer: Viewer, developerOrganisationIds: readonly string[]) {
  if (developerOrganisationIds.length === 0) return [];
  const e = frontierAssessmentEngagements;
  const f = frontierAssessmentFindings;
  return db
    .select({ id: f.id, versionId: e.versionId, developerOrganisationId: e.developerOrganisationId, remediationState: f.remediationState })
    .from(f)
    .innerJoin(e, eq(e.id, f.engagementId))
    .where(and(inArray(e.developerOrganisationId, [...developerOrganisationIds]), visibleTo(viewer, e), visibleTo(viewer, f)));
}
