import { eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../database';
import { findings, reports } from '../schema/index';

export interface ReputationRow {
  readonly key: string;
  readonly submitted: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly duplicates: number;
}

/** Counts per finder organisation or per AI model, over every finding and its report's state. */
export async function reputationCounts(db: Executor, by: 'organisation' | 'model', keys: readonly string[]): Promise<ReputationRow[]> {
  if (keys.length === 0) return [];
  const column = by === 'organisation' ? findings.ownerOrganisationId : findings.modelName;
  const rows = await db
    .select({
      key: sql<string>`${column}::text`,
      submitted: sql<number>`count(*)::int`,
      accepted: sql<number>`(count(*) filter (where ${reports.state} = 'accepted'))::int`,
      rejected: sql<number>`(count(*) filter (where ${reports.state} = 'rejected'))::int`,
      duplicates: sql<number>`(count(*) filter (where ${findings.disposition} = 'duplicate'))::int`,
    })
    .from(findings)
    .innerJoin(reports, eq(reports.id, findings.reportId))
    .where(inArray(column, [...keys]))
    .groupBy(column);
  return rows.map((r) => ({
    key: r.key,
    submitted: Number(r.submitted),
    accepted: Number(r.accepted),
    rejected: Number(r.rejected),
    duplicates: Number(r.duplicates),
  }));
}
