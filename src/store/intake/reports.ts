import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Viewer } from '../../domain/policy/viewer';
import type { Executor } from '../database';
import { reports } from '../schema/index';
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
