import { eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../database';
import { frontierAccessGrants, frontierAccessOutages, frontierAccessPlans, frontierModelVersions } from '../schema/index';

/** The date a window counts to, per milestone: the trusted-partner release falling back to the general one, or the general release. */
export function releaseAtSql(milestone: 'trusted_partner' | 'general'): SQL {
  const v = frontierModelVersions;
  return milestone === 'trusted_partner' ? sql`coalesce(${v.plannedTrustedPartnerRelease}, ${v.plannedGeneralRelease})` : sql`${v.plannedGeneralRelease}`;
}

/**
 * `scheduledAccessDays × 100` of the current plan row, in SQL: the union of its grants, each cut
 * at `at`, minus the union of all its outages (PostgreSQL multiranges), its length in
 * milliseconds / 864,000, rounded half up — exactly `toDays` of domain/frontier/access-window.ts
 * as an integer (ADR 0096: a quotient of integers near `k + ½` is either exactly that or at
 * least 1/864,000 away). 0 without grants. `at` null (no release date) leaves the grants uncut.
 */
function scheduledCentidays(at: SQL): SQL {
  const g = frontierAccessGrants;
  const o = frontierAccessOutages;
  const planId = frontierAccessPlans.id;
  return sql`coalesce((select round(sum(extract(epoch from upper(r) - lower(r)) * 1000) / 864000) from unnest(
    (select range_agg(tstzrange(${g.startsAt}, least(${g.endsAt}, ${at}))) from ${g} where ${g.planId} = ${planId} and ${g.startsAt} < least(${g.endsAt}, ${at}))
    - coalesce((select range_agg(tstzrange(${o.startsAt}, ${o.endsAt})) from ${o} where ${o.planId} = ${planId} and ${o.startsAt} < ${o.endsAt}), '{}'::tstzmultirange)
  ) as r), 0)::integer`;
}

/** The plan's version's release date for a milestone, as a subquery of the plan row being updated. */
const releaseOfPlan = (milestone: 'trusted_partner' | 'general') =>
  sql`(select ${releaseAtSql(milestone)} from ${frontierModelVersions} where ${frontierModelVersions.id} = ${frontierAccessPlans.versionId})`;

/**
 * Recomputes the cached scheduled days of these plans (ADR 0097) inside the caller's
 * transaction. Every store write that changes an input of the figure calls it — grants,
 * outages, a version's release dates — so no use case can forget it; the portfolio test
 * ("in SQL exactly") compares the cached figure's statuses with the pure function's.
 */
export async function refreshScheduledAccess(db: Executor, planIds: readonly string[]): Promise<void> {
  if (planIds.length === 0) return;
  await db
    .update(frontierAccessPlans)
    .set({
      scheduledCentidaysTrustedPartner: scheduledCentidays(releaseOfPlan('trusted_partner')),
      scheduledCentidaysGeneral: scheduledCentidays(releaseOfPlan('general')),
    })
    .where(inArray(frontierAccessPlans.id, [...planIds]));
}

/** Recomputes the figure of the version's plan (if it has one): its release dates changed. */
export async function refreshScheduledAccessOfVersion(db: Executor, versionId: string): Promise<void> {
  const rows = await db.select({ id: frontierAccessPlans.id }).from(frontierAccessPlans).where(eq(frontierAccessPlans.versionId, versionId));
  await refreshScheduledAccess(
    db,
    rows.map((r) => r.id),
  );
}

/** Recomputes every plan's figure (after a bulk load that bypassed the store's writes, or a migration). */
export async function refreshAllScheduledAccess(db: Executor): Promise<void> {
  await db.update(frontierAccessPlans).set({
    scheduledCentidaysTrustedPartner: scheduledCentidays(releaseOfPlan('trusted_partner')),
    scheduledCentidaysGeneral: scheduledCentidays(releaseOfPlan('general')),
  });
}
