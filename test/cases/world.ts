import type { Principal } from '../../src/domain/identity/principal';
import { submitChunk } from '../../src/services/intake/submit';
import { transitionReportBy } from '../../src/services/intake/triage';
import { contextFor, freshDatabase, type TestDatabase } from '../helpers/databases';
import { makePrincipal } from '../helpers/factories';
import { aiFinding } from '../intake/world';

/** The people a coordination test needs: a coordinator analyst and admin, a reporter, and vendors (an admin each). */
export interface CaseWorld {
  readonly t: TestDatabase;
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

export async function caseWorld(driver: 'pglite' | 'postgres', vendorCount = 2): Promise<CaseWorld> {
  const t = await freshDatabase(driver);
  const ctx = contextFor(t.database);
  const analyst = await makePrincipal(ctx, { coordinator: true, role: 'analyst' });
  const admin = { ...(await makePrincipal(ctx, { organisationId: analyst.organisationId, role: 'admin' })), coordinator: true };
  const reporter = await makePrincipal(ctx);
  const vendors: Principal[] = [];
  for (let i = 0; i < vendorCount; i++) vendors.push(await makePrincipal(ctx, { role: 'admin' }));
  const outsider = await makePrincipal(ctx);
  const acceptedReport = async (over: Record<string, unknown> = {}) => {
    const r = (await submitChunk(ctx, reporter, [{ index: 0, value: aiFinding(over) }], { requestKey: null, source: 'api' })).results[0]!;
    if (r.status !== 'accepted') throw new Error(`finding not accepted: ${JSON.stringify(r)}`);
    const id = r.reportId!;
    await transitionReportBy(ctx, analyst, id, { event: 'start-triage' });
    await transitionReportBy(ctx, analyst, id, { event: 'accept' });
    return id;
  };
  return { t, ctx, analyst, admin, reporter, vendors, outsider, acceptedReport };
}
