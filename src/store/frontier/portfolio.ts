import { and, asc, eq, gt, gte, isNull, lte, or, sql } from 'drizzle-orm';
import type { Viewer } from '../../domain/policy/viewer';
import type { Executor } from '../database';
import { frontierAccessPlans, frontierDesignations, frontierModels, frontierModelVersions } from '../schema/index';
import { visibleTo } from '../visibility';

/** One designated version of the portfolio, with its release dates and its plan (if any). */
export interface PortfolioRow {
  readonly versionId: string;
  readonly version: string;
  readonly modelId: string;
  readonly modelName: string;
  readonly developerOrganisationId: string;
  readonly plannedTrustedPartnerRelease: Date | null;
  readonly plannedGeneralRelease: Date | null;
  readonly designatedAt: Date | null;
  readonly planId: string | null;
}

/**
 * Designated versions (`frontier_designations.outcome = 'designated'`) the viewer may see —
 * the designation row, the version and the model all visible — in version-id order after
 * `after` (keyset paging), with the plan's id. One query per page.
 */
/**
 * Which versions a status can be found among, by the date the window counts to (`releaseAt`:
 * the milestone's date, trusted partner falling back to general): none, still ahead of `now`
 * (on_track, at_risk), or reached (met, late, not_provided). A pure pre-filter: the status
 * itself is computed on read.
 */
export interface ReleaseFilter {
  readonly release: 'none' | 'ahead' | 'reached';
  readonly milestone: 'trusted_partner' | 'general';
  readonly now: Date;
}

function releaseCondition(f: ReleaseFilter) {
  const v = frontierModelVersions;
  const at = f.milestone === 'trusted_partner' ? sql`coalesce(${v.plannedTrustedPartnerRelease}, ${v.plannedGeneralRelease})` : sql`${v.plannedGeneralRelease}`;
  if (f.release === 'none') return sql`${at} is null`;
  return f.release === 'ahead' ? sql`${at} > ${f.now}` : sql`${at} <= ${f.now}`;
}

export async function designatedVersionsPage(
  db: Executor,
  viewer: Viewer,
  after: string | null,
  limit: number,
  filter?: ReleaseFilter,
): Promise<PortfolioRow[]> {
  return db
    .select({
      versionId: frontierModelVersions.id,
      version: frontierModelVersions.version,
      modelId: frontierModels.id,
      modelName: frontierModels.name,
      developerOrganisationId: frontierModels.ownerOrganisationId,
      plannedTrustedPartnerRelease: frontierModelVersions.plannedTrustedPartnerRelease,
      plannedGeneralRelease: frontierModelVersions.plannedGeneralRelease,
      designatedAt: frontierDesignations.decidedAt,
      planId: frontierAccessPlans.id,
    })
    .from(frontierDesignations)
    .innerJoin(frontierModelVersions, eq(frontierModelVersions.id, frontierDesignations.versionId))
    .innerJoin(frontierModels, eq(frontierModels.id, frontierModelVersions.modelId))
    .leftJoin(frontierAccessPlans, eq(frontierAccessPlans.versionId, frontierModelVersions.id))
    .where(
      and(
        eq(frontierDesignations.outcome, 'designated'),
        after ? gt(frontierDesignations.versionId, after) : undefined,
        filter ? releaseCondition(filter) : undefined,
        visibleTo(viewer, frontierDesignations),
        visibleTo(viewer, frontierModelVersions),
        visibleTo(viewer, frontierModels),
      ),
    )
    .orderBy(asc(frontierDesignations.versionId))
    .limit(limit);
}

/**
 * Plans with a release milestone between `from` and `to` (the reminder sweep's horizon), with
 * both dates and the plan's marking, in plan-id order after `after`. Reads as the system: the
 * reminders go to the plan's own audience.
 */
export async function plansWithMilestonesBetween(db: Executor, from: Date, to: Date, after: string | null, limit: number) {
  const within = (c: typeof frontierModelVersions.plannedGeneralRelease) => and(gte(c, from), lte(c, to));
  return db
    .select({
      plan: frontierAccessPlans,
      plannedTrustedPartnerRelease: frontierModelVersions.plannedTrustedPartnerRelease,
      plannedGeneralRelease: frontierModelVersions.plannedGeneralRelease,
    })
    .from(frontierAccessPlans)
    .innerJoin(frontierModelVersions, eq(frontierModelVersions.id, frontierAccessPlans.versionId))
    .where(
      and(
        or(within(frontierModelVersions.plannedTrustedPartnerRelease), within(frontierModelVersions.plannedGeneralRelease)),
        isNull(frontierModelVersions.releasedAt),
        after ? gt(frontierAccessPlans.id, after) : undefined,
      ),
    )
    .orderBy(asc(frontierAccessPlans.id))
    .limit(limit);
}
