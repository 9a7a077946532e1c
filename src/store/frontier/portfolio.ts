import { and, asc, eq, gt, gte, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Viewer } from '../../domain/policy/viewer';
import type { Executor } from '../database';
import { frontierAccessPlans, frontierDesignations, frontierModels, frontierModelVersions } from '../schema/index';
import { releaseAtSql } from './scheduled-access';
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
  /**
   * The status itself, decided in SQL from the scheduled access up to `releaseAt` (see
   * the plan's cached figure, store/frontier/scheduled-access.ts): every status but `no_release_date` depends only on that figure,
   * on whether `releaseAt` is reached, and on the policy (domain/frontier/access-window.ts).
   */
  readonly status?: { readonly status: string; readonly mode: 'minimum' | 'maximum'; readonly windowDays: number } | undefined;
}

/** The plan's cached `scheduledAccessDays × 100` up to the milestone's date (0 without a plan). */
const scheduledCentidaysOf = (milestone: ReleaseFilter['milestone']) =>
  sql`coalesce(${milestone === 'trusted_partner' ? frontierAccessPlans.scheduledCentidaysTrustedPartner : frontierAccessPlans.scheduledCentidaysGeneral}, 0)`;

function releaseCondition(f: ReleaseFilter) {
  const at = releaseAtSql(f.milestone);
  if (f.release === 'none') return sql`${at} is null`;
  const when = f.release === 'ahead' ? sql`${at} > ${f.now}` : sql`${at} <= ${f.now}`;
  if (!f.status) return when;
  const cd = scheduledCentidaysOf(f.milestone);
  const full = f.status.windowDays * 100;
  const minimum = f.status.mode === 'minimum';
  const byStatus: Record<string, SQL> = {
    on_track: minimum ? sql`${cd} >= ${full}` : sql`${cd} > 0`,
    at_risk: minimum ? sql`${cd} < ${full}` : sql`${cd} = 0`,
    met: minimum ? sql`${cd} >= ${full}` : sql`${cd} > 0`,
    not_provided: sql`${cd} = 0`,
    // One evaluation of the figure (an integer): 0 < cd < full.
    late: minimum ? sql`${cd} between 1 and ${full - 1}` : sql`false`,
  };
  const c = byStatus[f.status.status];
  return c ? and(when, c) : when;
}

export async function designatedVersionsPage(
  db: Executor,
  viewer: Viewer,
  after: string | null,
  limit: number,
  filter?: ReleaseFilter,
): Promise<PortfolioRow[]> {
  return designatedVersionsQuery(db, viewer, after, limit, filter);
}

/** The query of `designatedVersionsPage`, unrun (for EXPLAIN). */
export function designatedVersionsQuery(db: Executor, viewer: Viewer, after: string | null, limit: number, filter?: ReleaseFilter) {
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
