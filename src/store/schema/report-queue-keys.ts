import { type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/**
 * The triage queue's sort keys (ADR 0051), written so that every key sorts ascending: the
 * indexes over them (schema/intake.ts) and the keyset comparison `(k1, k2, …) > (v1, v2, …)`
 * then read one index range in order. A query must use these exact expressions for
 * PostgreSQL to match them to the expression indexes.
 */

/** Most severe first: critical 0 … none 4, unknown and anything else 5. */
export const severityRank = (severity: PgColumn | SQL): SQL =>
  sql`(case ${severity} when 'critical' then 0 when 'high' then 1 when 'medium' then 2 when 'low' then 3 when 'none' then 4 else 5 end)`;

/** Exploited first (false sorts before true). */
export const notExploited = (exploited: PgColumn | SQL): SQL => sql`(not ${exploited})`;

/** Most reported first. */
export const fewerFindings = (findingCount: PgColumn | SQL): SQL => sql`(- ${findingCount})`;
