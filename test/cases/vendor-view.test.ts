import { beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors';
import { decideEmbargo } from '../../src/services/cases/embargo';
import { inviteVendors } from '../../src/services/cases/invite';
import { openCase } from '../../src/services/cases/open';
import { caseStatements, caseThreads, caseVendors, getCase } from '../../src/services/cases/reads';
import { recordStatement } from '../../src/services/cases/statements';
import { getAttachment, getReport } from '../../src/services/intake/reports';
import { updateTriage } from '../../src/services/intake/triage';
import { databasePerFile } from '../helpers/database-per-file';
import { DRIVERS } from '../helpers/databases';
import { makeCase } from '../helpers/factories';
import { caseWorld, type CaseWorld } from './world';

const POC = { name: 'poc.py', mediaType: 'text/x-python', contentBase64: Buffer.from('print("boom")\n').toString('base64') };
const code = (e: unknown) => (e instanceof AppError ? e.code : String(e));
const page = { limit: 50, offset: 0 };

/**
 * Issue 9 item 19: an invited vendor sees what it is asked about (the technical details and
 * its PoC links); the finder sees the status and public date of the case its report is in,
 * and nothing else of the case; nobody else sees any of it.
 */
describe.each(DRIVERS)('what a vendor and a finder see of a case on %s', (driver) => {
  let w: CaseWorld;
  let reportId: string;
  let caseId: string;
  let attachmentId: string;
  const description = 'parse_frame copies a frame whose length field exceeds the buffer without a bounds check.';

  const db = databasePerFile(driver);
  // Each test gets its own people and case: a report with a PoC, in a case with the first vendor invited and answering.
  beforeEach(async () => {
    w = await caseWorld(db(), 2);
    reportId = await w.acceptedReport({ description, proofOfConcept: [POC] });
    await updateTriage(w.ctx, w.analyst, reportId, {
      ssvc: { exploitation: 'poc', automatable: 'yes', technicalImpact: 'total', missionWellbeing: 'high' },
    });
    attachmentId = (await getReport(w.ctx, w.reporter, reportId)).findings[0]!.proofOfConcept[0]!.id;
    const made = await makeCase(w.ctx, {
      analyst: w.analyst,
      reportIds: [reportId],
      vendors: [w.vendors[0]!],
      title: 'Frame parser overflow',
      summary: 'One line.',
    });
    caseId = made.id;
    await recordStatement(w.ctx, w.vendors[0]!, caseId, made.vulnerabilityId, { status: 'under_investigation' });
  }, 60_000);

  it('gives the invited vendor the technical details and the PoC it may download, without the finder', async () => {
    const vendor = w.vendors[0]!;
    const c = await getCase(w.ctx, vendor, caseId);
    expect(c.vulnerabilities).toHaveLength(1);
    const v = c.vulnerabilities[0]!;
    expect(v).toMatchObject({
      title: expect.any(String),
      description,
      product: 'pkg:npm/image-lib@2.3.1',
      affectedVersions: ['2.3.0', '2.3.1'],
      cwe: 'CWE-787',
      severity: 'high',
      cvss: { vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H', score: 8.8 },
      ssvc: { decision: expect.any(String), vector: expect.stringMatching(/^SSVCv2\//) },
    });
    expect(v.proofOfConcept).toEqual([{ id: attachmentId, name: 'poc.py', mediaType: 'text/x-python', size: 14, digest: expect.stringMatching(/^sha256:/) }]);
    expect((await getAttachment(w.ctx, vendor, attachmentId)).content.toString()).toBe('print("boom")\n');
    // The finder's identity and model stay with the coordinators.
    const text = JSON.stringify(c);
    expect(text).not.toContain(w.reporter.organisationId);
    expect(text).not.toContain(w.reporter.userId);
    expect(text).not.toContain('frontier-x');
    expect(text).not.toContain('fuzz-agent');
    // Nor which reports the case came from (ADR 0030): the coordinators see that.
    expect(v).not.toHaveProperty('reportId');
    expect(text).not.toContain(reportId);
    expect((await getCase(w.ctx, w.analyst, caseId)).vulnerabilities[0]).toMatchObject({ reportId, description, proofOfConcept: [{ id: attachmentId }] });
  });

  it('keeps all of it from a vendor that is not in the case and from a third organisation', async () => {
    for (const p of [w.vendors[1]!, w.outsider]) {
      expect(code(await getCase(w.ctx, p, caseId).catch((e) => e))).toBe('NOT_FOUND');
      expect(code(await caseVendors(w.ctx, p, caseId, page).catch((e) => e))).toBe('NOT_FOUND');
      expect(code(await caseStatements(w.ctx, p, caseId, undefined, page).catch((e) => e))).toBe('NOT_FOUND');
      expect(code(await getAttachment(w.ctx, p, attachmentId).catch((e) => e))).toBe('NOT_FOUND');
      expect(code(await getReport(w.ctx, p, reportId).catch((e) => e))).toBe('NOT_FOUND');
    }
  });

  it('gives each vendor of a campaign the details and PoC of its own vulnerabilities only', async () => {
    const [a, b] = w.vendors as [CaseWorld['vendors'][0], CaseWorld['vendors'][0]];
    const r1 = await w.acceptedReport({ proofOfConcept: [{ ...POC, name: 'a.py' }] });
    const r2 = await w.acceptedReport({ proofOfConcept: [{ ...POC, name: 'b.py' }] });
    const pocOf = async (r: string) => (await getReport(w.ctx, w.reporter, r)).findings[0]!.proofOfConcept[0]!.id;
    const [p1, p2] = [await pocOf(r1), await pocOf(r2)];
    const campaign = await openCase(w.ctx, w.analyst, {
      kind: 'campaign',
      title: 'Length fields trusted',
      summary: 'One pattern, two products.',
      pattern: 'trusted length field',
      reportIds: [r1, r2],
      vulnerabilities: [
        { title: 'In product A', reportId: r1, vendorOrganisationId: a.organisationId },
        { title: 'In product B', reportId: r2, vendorOrganisationId: b.organisationId },
      ],
    });
    await inviteVendors(w.ctx, w.analyst, campaign.id, [a.organisationId, b.organisationId]);
    for (const [vendor, own, other, title] of [
      [a, p1, p2, 'In product A'],
      [b, p2, p1, 'In product B'],
    ] as const) {
      const v = (await getCase(w.ctx, vendor, campaign.id)).vulnerabilities;
      expect(v.map((x) => [x.title, x.proofOfConcept.map((pc) => pc.id), x.description !== null])).toEqual([[title, [own], true]]);
      expect((await getAttachment(w.ctx, vendor, own)).digest).toMatch(/^sha256:/);
      expect(code(await getAttachment(w.ctx, vendor, other).catch((e) => e))).toBe('NOT_FOUND');
    }
  });

  it('shows the finder its case status and public date, but not the case itself', async () => {
    const before = await getReport(w.ctx, w.reporter, reportId);
    expect(before.case).toEqual({ state: 'coordinating', publicAt: null, publishedAt: null });
    const proposal = (await getCase(w.ctx, w.analyst, caseId)).proposals[0]!;
    await decideEmbargo(w.ctx, w.analyst, caseId, { decision: 'adopt', proposalId: proposal.id });
    const after = await getReport(w.ctx, w.reporter, reportId);
    expect(after.case).toEqual({ state: 'embargoed', publicAt: proposal.publicAt, publishedAt: null });
    // Nothing about vendors, threads or statements reaches the finder.
    expect(JSON.stringify(after)).not.toContain(w.vendors[0]!.organisationId);
    for (const read of [
      () => getCase(w.ctx, w.reporter, caseId),
      () => caseVendors(w.ctx, w.reporter, caseId, page),
      () => caseStatements(w.ctx, w.reporter, caseId, undefined, page),
      () => caseThreads(w.ctx, w.reporter, caseId, page),
    ]) {
      expect(code(await read().catch((e) => e))).toBe('NOT_FOUND');
    }
    // The coordinators see the same status on the report; a report in no case has none.
    expect((await getReport(w.ctx, w.analyst, reportId)).case).toEqual(after.case);
    const lonely = await w.acceptedReport();
    expect((await getReport(w.ctx, w.reporter, lonely)).case).toBeNull();
  });
});
