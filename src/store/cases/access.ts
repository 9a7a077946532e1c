import { type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../database';
import { caseMessages, cases, caseThreads, caseVulnerabilities, embargoProposals, vendorStatements } from '../schema/index';

const uuidArray = (ids: readonly string[]): SQL =>
  sql`array[${sql.join(
    ids.map((o) => sql`${o}`),
    sql`, `,
  )}]::uuid[]`;

/** Adds organisations to the access list of the rows of `table` that `where` selects (no repeats). */
async function widen(db: Executor, table: PgTable, where: SQL, organisations: readonly string[]): Promise<void> {
  await db.execute(
    sql`update ${table} set access_organisations = array(select distinct unnest(access_organisations || ${uuidArray(organisations)})) where ${where}`,
  );
}

/**
 * A vendor joins a case: it sees the case and everything case-wide — the vulnerabilities
 * not limited to one vendor, the case-wide threads and their messages, the coordinator's
 * embargo proposals and the statements the coordinator shared. Nothing private to others.
 */
export async function widenCaseAccess(db: Executor, caseId: string, coordinator: string, organisations: readonly string[]): Promise<void> {
  if (organisations.length === 0) return;
  await widen(db, cases, sql`id = ${caseId}`, organisations);
  await widen(db, caseVulnerabilities, sql`case_id = ${caseId} and vendor_organisation_id is null`, organisations);
  await widen(db, caseThreads, sql`case_id = ${caseId} and vendor_organisation_id is null`, organisations);
  await widen(db, caseMessages, sql`thread_id in (select id from case_threads where case_id = ${caseId} and vendor_organisation_id is null)`, organisations);
  await widen(db, embargoProposals, sql`case_id = ${caseId} and proposed_by_organisation = ${coordinator}`, organisations);
  await widen(db, vendorStatements, sql`case_id = ${caseId} and shared`, organisations);
}
