import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { advisoryContent } from '../advisories/fixtures';
import { makeOrganisation } from '../helpers/factories';
import { eventually } from '../helpers/receiver';
import { aiFinding, intakeWorld, type IntakeWorld, personIn } from '../intake/world';

const DAY = 86_400_000;
const POC = { name: 'poc.py', mediaType: 'text/x-python', contentBase64: Buffer.from('print("boom")\n').toString('base64') };

/** Issue 9 item 19 over HTTP: the vendor's case page data, its PoC download, the finder's case status. */
describe('what a vendor and a finder see of a case, over HTTP', () => {
  const START = new Date('2026-06-01T12:00:00.000Z');
  const clock = { now: new Date(START) };
  // One server for the file (starting one is the slow part); each test has its own vendors, report, case and clock.
  let w: IntakeWorld;
  let inCase: { token: string; userId: string; org: string };
  let notInCase: { token: string; userId: string; org: string };
  let reportId: string;
  let caseId: string;
  let attachmentId: string;

  beforeAll(async () => {
    w = await intakeWorld({}, { now: () => new Date(clock.now) });
  });
  afterAll(() => w?.close());
  beforeEach(async () => {
    clock.now = new Date(START);
    const vendor = async (name: string) => {
      const org = await makeOrganisation(w.server.server.runtime.ctx, { name });
      return { ...(await personIn(w.server, org.id, 'member', ['read', 'write'])), org: org.id };
    };
    inCase = await vendor('Vendor in the case');
    notInCase = await vendor('Vendor not in the case');
    const sub = await w.call(
      w.reporterA,
      'POST',
      '/api/findings',
      aiFinding({ description: 'The length field of a frame is trusted by parse_frame.', proofOfConcept: [POC] }),
    );
    reportId = sub.json.reportId;
    for (const event of ['start-triage', 'accept'])
      expect((await w.call(w.analyst, 'POST', `/api/reports/${reportId}/transitions`, { event })).status).toBe(200);
    attachmentId = (await w.call(w.reporterA, 'GET', `/api/reports/${reportId}`)).json.findings[0].proofOfConcept[0].id;
    caseId = (await w.call(w.analyst, 'POST', '/api/cases', { title: 'Frame parser overflow', summary: 'One line.', reportIds: [reportId] })).json.id;
    expect((await w.call(w.analyst, 'POST', `/api/cases/${caseId}/vendors`, { organisations: [inCase.org] })).status).toBe(200);
  }, 60_000);

  it('serves the invited vendor the technical details and the PoC, and nothing of them to anyone else', async () => {
    const c = await w.call(inCase.token, 'GET', `/api/cases/${caseId}`);
    expect(c.status).toBe(200);
    expect(c.json.vulnerabilities[0]).toMatchObject({
      description: 'The length field of a frame is trusted by parse_frame.',
      product: 'pkg:npm/image-lib@2.3.1',
      affectedVersions: ['2.3.0', '2.3.1'],
      cwe: 'CWE-787',
      cvss: { vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H', score: 8.8 },
      proofOfConcept: [{ id: attachmentId, name: 'poc.py', size: 14 }],
    });
    expect(c.text).not.toContain(w.orgA);
    expect(c.text).not.toContain('frontier-x');
    expect(c.text).not.toContain(reportId);
    const poc = await w.call(inCase.token, 'GET', `/api/findings/attachments/${attachmentId}`);
    expect(poc.status).toBe(200);
    expect(poc.text).toBe('print("boom")\n');
    for (const token of [notInCase.token, w.reporterB]) {
      for (const path of [
        `/api/cases/${caseId}`,
        `/api/cases/${caseId}/vendors`,
        `/api/cases/${caseId}/statements`,
        `/api/cases/${caseId}/threads`,
        `/api/findings/attachments/${attachmentId}`,
        `/api/reports/${reportId}`,
      ]) {
        expect([path, (await w.call(token, 'GET', path)).status]).toEqual([path, 404]);
      }
      expect((await w.call(token, 'GET', '/api/cases')).json.total).toBe(0);
    }
  });

  it('shows the finder the case status and public date through to publication, never the vendors', async () => {
    const caseOf = async () => (await w.call(w.reporterA, 'GET', `/api/reports/${reportId}`)).json.case;
    expect(await caseOf()).toEqual({ state: 'coordinating', publicAt: null, publishedAt: null });
    const proposal = (await w.call(w.analyst, 'GET', `/api/cases/${caseId}`)).json.proposals[0];
    expect((await w.call(w.analyst, 'POST', `/api/cases/${caseId}/embargo/decision`, { decision: 'adopt', proposalId: proposal.id })).status).toBe(200);
    expect(await caseOf()).toEqual({ state: 'embargoed', publicAt: proposal.publicAt, publishedAt: null });
    expect((await w.call(w.analyst, 'POST', `/api/cases/${caseId}/advisory`, { content: advisoryContent('vendorview') })).status).toBe(201);
    expect(await caseOf()).toEqual({ state: 'scheduled', publicAt: proposal.publicAt, publishedAt: null });
    const report = await w.call(w.reporterA, 'GET', `/api/reports/${reportId}`);
    expect(report.text).not.toContain(inCase.org);
    for (const path of [`/api/cases/${caseId}`, `/api/cases/${caseId}/vendors`, `/api/cases/${caseId}/statements`, `/api/cases/${caseId}/threads`]) {
      expect([path, (await w.call(w.reporterA, 'GET', path)).status]).toEqual([path, 404]);
    }
    // At the embargo end the advisory is published: the finder sees when.
    clock.now = new Date(new Date(proposal.publicAt).getTime() + DAY);
    await eventually(async () => (await caseOf()).publishedAt !== null);
    expect(await caseOf()).toMatchObject({ state: 'disclosed', publicAt: proposal.publicAt, publishedAt: expect.any(String) });
  });
});
