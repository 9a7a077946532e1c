import { and, asc, desc, eq, gte, inArray, lte, type SQL, sql } from 'drizzle-orm';
import type { FinderKind, ReproductionStatus, Severity } from '../../domain/intake/finding';
import type { ReportSort } from '../../domain/intake/queue';
import type { ReportState } from '../../domain/intake/report-states';
import type { QueuePosition } from '../../domain/intake/queue-cursor';
import type { Viewer } from '../../domain/policy/viewer';
import type { Executor } from '../database';
import { findings, reports } from '../schema/index';
import { fewerFindings, notExploited, severityRank } from '../schema/report-queue-keys';
import { visibleTo } from '../visibility';
import type { ReportRow } from './reports';
import { containsPattern } from '../like';

export interface ReportFilter {
  readonly state?: readonly ReportState[] | undefined;
  readonly severity?: readonly Severity[] | undefined;
  readonly finderOrganisationId?: string | undefined;
  readonly finderKind?: FinderKind | undefined;
  readonly model?: string | undefined;
  readonly product?: string | undefined;
  readonly exploited?: boolean | undefined;
  readonly reproductionStatus?: ReproductionStatus | undefined;
  readonly cwe?: string | undefined;
  readonly createdAfter?: Date | undefined;
  readonly createdBefore?: Date | undefined;
}

/** Where a page starts: after a cursor's position (keyset), or at an offset (older callers). */
export type PageStart = { readonly after: QueuePosition } | { readonly offset: number };

/**
 * The queue counts matches exactly up to this many and says "more" beyond (ADR 0051): an
 * exact count of a large queue reads every matching row, which no page needs.
 */
export const QUEUE_COUNT_CAP = 1000;

/**
 * A report with a finding the viewer may see that matches `match`. Filters that ask about a
 * report's findings (who found it, with which model) answer from the viewer's findings only:
 * otherwise a reporter could learn, by filtering its own reports, that another organisation
 * or model reported the same bug (ADR 0013).
 */
const hasVisibleFinding = (viewer: Viewer, match: SQL): SQL =>
  sql`exists (select 1 from ${findings} where ${findings.reportId} = ${reports.id} and ${match} and ${visibleTo(viewer, findings)})`;

function whereOf(viewer: Viewer, f: ReportFilter): SQL | undefined {
  return and(
    visibleTo(viewer, reports),
    f.state?.length ? inArray(reports.state, [...f.state]) : undefined,
    f.severity?.length ? inArray(reports.severity, [...f.severity]) : undefined,
    f.finderOrganisationId
      ? and(
          sql`${reports.reporterOrganisations} @> array[${f.finderOrganisationId}]::uuid[]`,
          hasVisibleFinding(viewer, eq(findings.ownerOrganisationId, f.finderOrganisationId)),
        )
      : undefined,
    f.finderKind ? eq(reports.finderKind, f.finderKind) : undefined,
    f.model ? hasVisibleFinding(viewer, eq(findings.modelName, f.model)) : undefined,
    f.product ? sql`${reports.targetKey} ilike ${containsPattern(f.product)}` : undefined,
    f.exploited !== undefined ? eq(reports.exploited, f.exploited) : undefined,
    f.reproductionStatus ? eq(reports.reproductionStatus, f.reproductionStatus) : undefined,
    f.cwe ? eq(reports.cwe, f.cwe) : undefined,
    f.createdAfter ? gte(reports.createdAt, f.createdAfter) : undefined,
    f.createdBefore ? lte(reports.createdAt, f.createdBefore) : undefined,
  );
}

/** A sort order: its keys over the table's columns, and the same keys over a cursor's values. */
interface Order {
  readonly keys: (of: { severity: SQL; exploited: SQL; findingCount: SQL; createdAt: SQL; id: SQL }) => SQL[];
  readonly descending?: true;
}

// Each key sorts ascending (schema/report-queue-keys.ts); "newest" reads the age index backwards.
const ORDERS: Record<ReportSort, Order> = {
  // Exploited first within a severity: the priority lane carries into the queue.
  severity: { keys: (c) => [severityRank(c.severity), notExploited(c.exploited), c.createdAt, c.id] },
  age: { keys: (c) => [c.createdAt, c.id] },
  newest: { keys: (c) => [c.createdAt, c.id], descending: true },
  findings: { keys: (c) => [fewerFindings(c.findingCount), c.createdAt, c.id] },
  exploited: { keys: (c) => [notExploited(c.exploited), severityRank(c.severity), c.createdAt, c.id] },
};

const COLUMNS = {
  severity: sql`${reports.severity}`,
  exploited: sql`${reports.exploited}`,
  findingCount: sql`${reports.findingCount}`,
  createdAt: sql`${reports.createdAt}`,
  id: sql`${reports.id}`,
};

const valuesOf = (p: QueuePosition) => ({
  severity: sql`${p.severity}::text`,
  exploited: sql`${p.exploited}::boolean`,
  findingCount: sql`${p.findingCount}::int`,
  createdAt: sql`${p.createdAt}::timestamptz`,
  id: sql`${p.id}::uuid`,
});

/** Rows strictly after `p` in `sort`: one row comparison, which PostgreSQL reads as an index range. */
function after(sort: ReportSort, p: QueuePosition): SQL {
  const o = ORDERS[sort];
  const row = (xs: SQL[]) => sql`(${sql.join(xs, sql`, `)})`;
  return sql`${row(o.keys(COLUMNS))} ${sql.raw(o.descending ? '<' : '>')} ${row(o.keys(valuesOf(p)))}`;
}

/**
 * One page of the reports the viewer may see, filtered and sorted, and how many match: exact
 * up to QUEUE_COUNT_CAP (`totalExact: false` beyond). The count and the page share one filter,
 * so they never disagree about what the viewer may see.
 */
export async function listVisibleReports(
  db: Executor,
  viewer: Viewer,
  f: ReportFilter,
  sort: ReportSort,
  limit: number,
  start: PageStart,
): Promise<{ items: ReportRow[]; total: number; totalExact: boolean }> {
  const where = whereOf(viewer, f);
  const o = ORDERS[sort];
  const order = o.keys(COLUMNS).map((k) => (o.descending ? desc(k) : asc(k)));
  const page = db
    .select()
    .from(reports)
    .where('after' in start ? and(where, after(sort, start.after)) : where)
    .orderBy(...order)
    .limit(limit);
  const items = await ('offset' in start && start.offset > 0 ? page.offset(start.offset) : page);
  // A first page that is not full already holds every match: no count needed.
  if (!('after' in start) && !('offset' in start && start.offset > 0) && items.length < limit) return { items, total: items.length, totalExact: true };
  const capped = db
    .select({ one: sql`1` })
    .from(reports)
    .where(where)
    .limit(QUEUE_COUNT_CAP + 1)
    .as('capped');
  const [counted] = await db.select({ n: sql<number>`count(*)::int` }).from(capped);
  const n = Number(counted?.n ?? 0);
  return { items, total: Math.min(n, QUEUE_COUNT_CAP), totalExact: n <= QUEUE_COUNT_CAP };
}
