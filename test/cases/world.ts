import type { Principal } from '../../src/domain/identity/principal';
import { contextFor, freshDatabase, type TestDatabase } from '../helpers/databases';
import { makeAnalyst, makePrincipal, makeReport, makeVendor } from '../helpers/factories';

/** The people a coordination test needs: a coordinator analyst and admin, a reporter, and vendors (an admin each). */
export interface CaseWorld {
  readonly t: TestDatabase;
  /** A context of this test's own, with a clock only this test moves. */
  readonly ctx: ReturnType<typeof contextFor>;
  readonly analyst: Principal;
  readonly admin: Principal;
  readonly reporter: Principal;
  readonly vendors: Principal[];
  /** A member of an organisation that takes no part in any case. */
  readonly outsider: Principal;
  /** Submits a finding and has the analyst accept its report; returns the report id. */
  acceptedReport(over?: Record<string, unknown>): Promise<string>;
}

/**
 * A fresh set of organisations and people, made for one test (in its `beforeEach`) in the file's
 * database (see databasePerFile): nothing one test does is seen by the next, whatever their
 * order. Given a driver instead, it also makes a database of its own, which `t.close()` drops.
 */
export async function caseWorld(database: TestDatabase | 'pglite' | 'postgres', vendorCount = 2): Promise<CaseWorld> {
  const t = typeof database === 'string' ? await freshDatabase(database) : database;
  const ctx = contextFor(t.database);
  const analyst = await makeAnalyst(ctx);
  const admin = { ...(await makePrincipal(ctx, { organisationId: analyst.organisationId, role: 'admin' })), coordinator: true };
  const reporter = await makePrincipal(ctx);
  const vendors: Principal[] = [];
  for (let i = 0; i < vendorCount; i++) vendors.push(await makeVendor(ctx));
  const outsider = await makePrincipal(ctx);
  const acceptedReport = async (over: Record<string, unknown> = {}) => (await makeReport(ctx, { reporter, analyst, finding: over })).id;
  return { t, ctx, analyst, admin, reporter, vendors, outsider, acceptedReport };
}
