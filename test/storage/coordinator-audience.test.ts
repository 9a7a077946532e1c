import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors';
import type { Principal } from '../../src/domain/identity/principal';
import { CLI_ACTOR } from '../../src/services/actor';
import { getAttachment, getReport } from '../../src/services/intake/reports';
import { updateOrganisationFacts } from '../../src/services/organisations';
import { principalOf } from '../../src/services/principal';
import { updateUserStanding } from '../../src/services/users';
import { findUserWithOrganisation } from '../../src/store/users';
import { caseWorld, type CaseWorld } from '../cases/world';
import { DRIVERS } from '../helpers/databases';
import { makeOrganisation, makePrincipal } from '../helpers/factories';

const POC = { name: 'poc.py', mediaType: 'text/x-python', contentBase64: Buffer.from('print("boom")\n').toString('base64') };
const code = (e: unknown) => (e instanceof AppError ? e.code : String(e));

/**
 * Issue 9 item 6: "the clearinghouse's coordinator staff" is evaluated when a record is READ,
 * not copied into its access lists when it is written. A principal is rebuilt from the
 * directory on every request, as the HTTP layer does.
 */
describe.each(DRIVERS)('coordinator audience evaluated at read time on %s', (driver) => {
  let w: CaseWorld;
  let reportId: string;
  let attachmentId: string;
  const fresh = async (p: Principal): Promise<Principal> => {
    const r = (await findUserWithOrganisation(w.ctx.db, p.userId))!;
    return principalOf(r.user, r.organisation, null, null);
  };
  const seesPoc = (p: Principal, id = attachmentId) =>
    getAttachment(w.ctx, p, id).then(
      () => true,
      (e: unknown) => (code(e) === 'NOT_FOUND' ? false : Promise.reject(e)),
    );
  const seesReport = (p: Principal) =>
    getReport(w.ctx, p, reportId).then(
      () => true,
      (e: unknown) => (code(e) === 'NOT_FOUND' ? false : Promise.reject(e)),
    );

  beforeAll(async () => {
    w = await caseWorld(driver, 0);
    reportId = await w.acceptedReport({ proofOfConcept: [POC] });
    const report = await getReport(w.ctx, w.reporter, reportId);
    attachmentId = (report.findings[0] as { proofOfConcept: { id: string }[] }).proofOfConcept[0]!.id;
  });
  afterAll(async () => {
    await w.t.close();
  });

  it('an analyst demoted after the finding was stored loses the TLP:RED proof of concept', async () => {
    const analyst = await makePrincipal(w.ctx, { organisationId: w.analyst.organisationId, role: 'analyst' });
    const report = await makeReportWithPoc(w);
    expect(await seesPoc(analyst, report.attachmentId)).toBe(true);
    await updateUserStanding(w.ctx, CLI_ACTOR, analyst.userId, { role: 'member' });
    const demoted = await fresh(analyst);
    expect(await seesPoc(demoted, report.attachmentId)).toBe(false);
    // Still a member of the coordinating organisation: the AMBER+STRICT report stays open.
    expect(await seesReport(demoted)).toBe(true);
  });

  it('an analyst disabled and re-enabled as a viewer does not keep a copied name', async () => {
    const analyst = await makePrincipal(w.ctx, { organisationId: w.analyst.organisationId, role: 'analyst' });
    const report = await makeReportWithPoc(w);
    await updateUserStanding(w.ctx, CLI_ACTOR, analyst.userId, { disabled: true });
    await updateUserStanding(w.ctx, CLI_ACTOR, analyst.userId, { disabled: false, role: 'viewer' });
    expect(await seesPoc(await fresh(analyst), report.attachmentId)).toBe(false);
  });

  it('an analyst added later sees older proofs of concept and reports', async () => {
    const late = await makePrincipal(w.ctx, { organisationId: w.analyst.organisationId, role: 'analyst' });
    expect(await seesPoc(late)).toBe(true);
    expect(await seesReport(late)).toBe(true);
    const lateMember = await makePrincipal(w.ctx, { organisationId: w.analyst.organisationId, role: 'member' });
    expect(await seesPoc(lateMember)).toBe(false);
    expect(await seesReport(lateMember)).toBe(true);
  });

  it('an organisation made a coordinator later sees older reports; one that stops coordinating loses them', async () => {
    const org = await makeOrganisation(w.ctx, { name: 'second-coordinator' });
    const staff = await makePrincipal(w.ctx, { organisationId: org.id, role: 'admin' });
    expect(await seesReport(staff)).toBe(false);
    expect(await seesPoc(staff)).toBe(false);
    await updateOrganisationFacts(w.ctx, { ...w.admin, scopes: ['read', 'write', 'admin'] }, org.id, { coordinator: true });
    const promoted = await fresh(staff);
    expect(await seesReport(promoted)).toBe(true);
    expect(await seesPoc(promoted)).toBe(true);
    await updateOrganisationFacts(w.ctx, { ...w.admin, scopes: ['read', 'write', 'admin'] }, org.id, { coordinator: false });
    const dropped = await fresh(staff);
    expect(await seesReport(dropped)).toBe(false);
    expect(await seesPoc(dropped)).toBe(false);
  });

  it('access lists no longer carry copies of the coordinator staff', async () => {
    const report = await getReport(w.ctx, w.reporter, reportId);
    expect(report.marking.access).toEqual({ organisations: [], users: [] });
    expect(report.marking.coordinators).toBe(true);
  });

  it('members of other organisations never hold the coordinator relation', async () => {
    expect(await seesReport(w.outsider)).toBe(false);
    expect(await seesPoc(w.outsider)).toBe(false);
    const outsideAdmin = await makePrincipal(w.ctx, { organisationId: w.outsider.organisationId, role: 'admin' });
    expect(await seesPoc(outsideAdmin)).toBe(false);
  });
});

async function makeReportWithPoc(w: CaseWorld): Promise<{ reportId: string; attachmentId: string }> {
  const reportId = await w.acceptedReport({ proofOfConcept: [POC] });
  const report = await getReport(w.ctx, w.reporter, reportId);
  return { reportId, attachmentId: (report.findings[0] as { proofOfConcept: { id: string }[] }).proofOfConcept[0]!.id };
}
