import { and, asc, count, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { ReportSort } from '../../domain/intake/queue';
import type { Viewer } from '../../domain/policy/viewer';
import type { Executor } from '../database';
import { findings, reports } from '../schema/index';
import { visibleTo } from '../visibility';
import { insertMany } from '../insert-many';

export type ReportRow = typeof reports.$inferSelect;
export type NewReport = typeof reports.$inferInsert;

export const insertReports = (db: Executor, rows: readonly NewReport[]): Promise<void> => insertMany(db, reports, rows);

/** A report the viewer may see, or null (invisible and missing look the same). */
export async function findVisibleReport(db: Executor, viewer: Viewer, id: string): Promise<ReportRow | null> {
  const [r] = await db
    .select()
    .from(reports)
    .where(and(eq(reports.id, id), visibleTo(viewer, reports)));
  return r ?? null;
}

/** Locks a visible report for an update in the caller's transaction. */
export async function lockVisibleReport(db: Executor, viewer: Viewer, id: string): Promise<ReportRow | null> {
  const [r] = await db
    .select()
    .from(reports)
    .where(and(eq(reports.id, id), visibleTo(viewer, reports)))
    .for('update');
  return r ?? null;
}

/** Which of these reports the viewer may see (a duplicate's answer names only those). */
export async function visibleReportIds(db: Executor, viewer: Viewer, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: reports.id })
    .from(reports)
    .where(and(inArray(reports.id, [...new Set(ids)]), visibleTo(viewer, reports)));
  return new Set(rows.map((r) => r.id));
}

export async function updateReport(db: Executor, id: string, set: Partial<NewReport>): Promise<ReportRow> {
  const [r] = await db.update(reports).set(set).where(eq(reports.id, id)).returning();
  return r!;
}

/**
 * Attaches duplicates to their reports in one statement: adds to the finding count, sets
 * the exploited flag when a duplicate says so, and records each new reporter organisation
 * (for the coordinators' credits and filters). It never opens the report to them: a
 * duplicate answer reveals that someone reported first, not the report (ADR 0013). The rows
 * travel as arrays and `id = any(…)` lets PostgreSQL find the reports by primary key: joined
 * to a VALUES list it hashed the whole table each chunk, which grew with every report stored.
 */
export async function attachDuplicates(
  db: Executor,
  rows: readonly { reportId: string; added: number; exploited: boolean; organisationId: string }[],
  now: Date,
): Promise<void> {
  if (rows.length === 0) return;
  const merged = new Map<string, { reportId: string; added: number; exploited: boolean; organisationId: string }>();
  for (const r of rows) {
    const key = `${r.reportId} ${r.organisationId}`;
    const m = merged.get(key);
    if (m) merged.set(key, { ...m, added: m.added + r.added, exploited: m.exploited || r.exploited });
    else merged.set(key, { ...r });
  }
  const list = [...merged.values()];
  const array = (xs: readonly (string | number | boolean)[], type: string) => sql`${`{${xs.join(',')}}`}::${sql.raw(type)}[]`;
  const ids = array(
    list.map((r) => r.reportId),
    'uuid',
  );
  await db.execute(sql`
    update ${reports} r set
      finding_count = r.finding_count + v.added,
      exploited = r.exploited or v.exploited,
      reporter_organisations = case when r.reporter_organisations @> array[v.org] then r.reporter_organisations else r.reporter_organisations || v.org end,
      updated_at = ${now}
    from unnest(${ids}, ${array(
      list.map((r) => r.added),
      'int',
    )}, ${array(
      list.map((r) => r.exploited),
      'boolean',
    )}, ${array(
      list.map((r) => r.organisationId),
      'uuid',
    )}) as v(id, added, exploited, org)
    where r.id = any(${ids}) and r.id = v.id`);
}

export interface ReportFilter {
  readonly state?: readonly string[] | undefined;
  readonly severity?: readonly string[] | undefined;
  readonly finderOrganisationId?: string | undefined;
  readonly finderKind?: string | undefined;
  readonly model?: string | undefined;
  readonly product?: string | undefined;
  readonly exploited?: boolean | undefined;
  readonly reproductionStatus?: string | undefined;
  readonly cwe?: string | undefined;
  readonly createdAfter?: Date | undefined;
  readonly createdBefore?: Date | undefined;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

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
    f.product ? sql`${reports.targetKey} ilike ${`%${escapeLike(f.product)}%`}` : undefined,
    f.exploited !== undefined ? eq(reports.exploited, f.exploited) : undefined,
    f.reproductionStatus ? eq(reports.reproductionStatus, f.reproductionStatus) : undefined,
    f.cwe ? eq(reports.cwe, f.cwe) : undefined,
    f.createdAfter ? gte(reports.createdAt, f.createdAfter) : undefined,
    f.createdBefore ? lte(reports.createdAt, f.createdBefore) : undefined,
  );
}

const SEVERITY_ORDER = sql`case ${reports.severity} when 'critical' then 5 when 'high' then 4 when 'medium' then 3 when 'low' then 2 when 'none' then 1 else 0 end`;

const ORDER: Record<ReportSort, SQL[]> = {
  // Exploited first within a severity: the priority lane carries into the queue.
  severity: [sql`${SEVERITY_ORDER} desc`, desc(reports.exploited), asc(reports.createdAt)],
  age: [asc(reports.createdAt)],
  newest: [desc(reports.createdAt)],
  findings: [desc(reports.findingCount), asc(reports.createdAt)],
  exploited: [desc(reports.exploited), sql`${SEVERITY_ORDER} desc`, asc(reports.createdAt)],
};

/** The reports the viewer may see, filtered and sorted, with the total the same filter matches. */
export async function listVisibleReports(
  db: Executor,
  viewer: Viewer,
  f: ReportFilter,
  sort: ReportSort,
  limit: number,
  offset: number,
): Promise<{ items: ReportRow[]; total: number }> {
  const where = whereOf(viewer, f);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(reports)
      .where(where)
      .orderBy(...ORDER[sort], asc(reports.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(reports).where(where),
  ]);
  return { items, total: Number(total?.n ?? 0) };
}
