import type { AccessWindowStatus } from '../../domain/frontier/access-window';
import type { Viewer } from '../../domain/policy/viewer';
import { designatedVersionsPage, type PortfolioRow } from '../../store/frontier/portfolio';
import type { ServiceContext } from '../context';
import { intervalsOf } from './access-plans';
import { accessPolicy } from './access-policy';
import { type AccessWindowView, windowOfPlan } from './access-window';

export interface PortfolioQuery {
  readonly status?: AccessWindowStatus | undefined;
  /** The last version id of the previous page (keyset paging). */
  readonly after?: string | undefined;
  readonly limit: number;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function portfolioItem(r: PortfolioRow, window: AccessWindowView) {
  return {
    versionId: r.versionId,
    version: r.version,
    modelId: r.modelId,
    modelName: r.modelName,
    developerOrganisationId: r.developerOrganisationId,
    plannedTrustedPartnerRelease: iso(r.plannedTrustedPartnerRelease),
    plannedGeneralRelease: iso(r.plannedGeneralRelease),
    designatedAt: iso(r.designatedAt),
    planId: r.planId,
    window,
  };
}
export type PortfolioItem = ReturnType<typeof portfolioItem>;

/** Where a status can occur, by its release date: none, ahead of now, or reached (a pre-filter in SQL). */
const RELEASE_OF: Record<AccessWindowStatus, 'none' | 'ahead' | 'reached'> = {
  no_release_date: 'none',
  on_track: 'ahead',
  at_risk: 'ahead',
  met: 'reached',
  late: 'reached',
  not_provided: 'reached',
};

/**
 * Every designated version the caller may see, with its plan's live window (a version without a
 * plan has no grants: `at_risk` before its release). One query for the page's versions and two
 * for all their grants and outages — never one per plan. A status filter is decided in SQL
 * (store/frontier/portfolio.ts: the scheduled access up to the release, from multiranges, the
 * pure function's own arithmetic), so a page reads only matching versions; the window is still
 * computed on read and checked, so nothing the pure function disagrees with is listed.
 */
export async function portfolio(ctx: ServiceContext, viewer: Viewer, q: PortfolioQuery): Promise<{ items: PortfolioItem[]; next: string | null }> {
  const policy = await accessPolicy(ctx.db);
  const now = ctx.now();
  const items: PortfolioItem[] = [];
  let after = q.after ?? null;
  for (;;) {
    const want = q.limit;
    const rows = await designatedVersionsPage(
      ctx.db,
      viewer,
      after,
      want,
      q.status
        ? { release: RELEASE_OF[q.status], milestone: policy.milestone, now, status: { status: q.status, mode: policy.mode, windowDays: policy.windowDays } }
        : undefined,
    );
    const planIds = rows.flatMap((r) => (r.planId ? [r.planId] : []));
    const intervals = await intervalsOf(ctx.db, planIds);
    for (const r of rows) {
      const window = windowOfPlan(
        policy,
        { plannedTrustedPartnerRelease: r.plannedTrustedPartnerRelease, plannedGeneralRelease: r.plannedGeneralRelease },
        (r.planId && intervals.get(r.planId)) || [],
        now,
      );
      after = r.versionId;
      if (q.status && window.status !== q.status) continue;
      items.push(portfolioItem(r, window));
      if (items.length === q.limit) return { items, next: after };
    }
    if (rows.length < want) return { items, next: null };
  }
}
