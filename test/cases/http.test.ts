import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chainHead } from '../../src/store/audit';
import { advisoryContent } from '../advisories/fixtures';
import { makeOrganisation } from '../helpers/factories';
import { eventually } from '../helpers/receiver';
import { aiFinding, intakeWorld, type IntakeWorld, personIn } from '../intake/world';

const DAY = 86_400_000;

describe('coordination over HTTP', () => {
  const START = new Date('2026-06-01T12:00:00.000Z');
  const clock = { now: new Date(START) };
  // One server for the file (starting one is the slow part); each test has its own vendors, case and clock.
  let w: IntakeWorld;
  let vendorA: { token: string; userId: string; org: string };
  let vendorB: { token: string; userId: string; org: string };

  beforeAll(async () => {
    w = await intakeWorld({}, { now: () => new Date(clock.now) });
  });
  afterAll(() => w?.close());
  beforeEach(async () => {
    clock.now = new Date(START);
    const vendor = async (name: string) => {
      const org = await makeOrganisation(w.server.server.runtime.ctx, { name });
      return { ...(await personIn(w.server, org.id, 'admin', ['read', 'write'])), org: org.id };
    };
    vendorA = await vendor('Vendor A http');
    vendorB = await vendor('Vendor B http');
  });

  /** A case opened over the API from a newly accepted report, with both of this test's vendors invited. */
  const openedCase = async () => {
    const reportId = (await w.call(w.reporterA, 'POST', '/api/findings', aiFinding())).json.reportId as string;
    for (const event of ['start-triage', 'accept'])
      expect((await w.call(w.analyst, 'POST', `/api/reports/${reportId}/transitions`, { event })).status).toBe(200);
    const opened = await w.call(w.analyst, 'POST', '/api/cases', { title: 'Heap overflow', summary: 'In the png decoder.', reportIds: [reportId] });
    expect(opened.status).toBe(201);
    const caseId = opened.json.id as string;
    expect((await w.call(w.analyst, 'POST', `/api/cases/${caseId}/vendors`, { organisations: [vendorA.org, vendorB.org] })).status).toBe(200);
    return { caseId, vulnId: (await w.call(vendorA.token, 'GET', `/api/cases/${caseId}`)).json.vulnerabilities[0].id as string };
  };

  it('opens a case from an accepted report; bad input names every field and writes nothing', async () => {
    const sub = await w.call(w.reporterA, 'POST', '/api/findings', aiFinding());
    const reportId = sub.json.reportId as string;
    expect((await w.call(w.analyst, 'POST', `/api/reports/${reportId}/transitions`, { event: 'start-triage' })).status).toBe(200);
    expect((await w.call(w.analyst, 'POST', `/api/reports/${reportId}/transitions`, { event: 'accept' })).status).toBe(200);
    const db = w.server.server.runtime.ctx.db;
    const head = await chainHead(db);
    const bad = await w.call(w.analyst, 'POST', '/api/cases', { kind: 'single', title: 'x', summary: 's', reportIds: ['nope'], extra: 1 });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(bad.json.errors.map((e: { path: string }) => e.path).sort()).toEqual(['/extra', '/reportIds/0']);
    const semantic = await w.call(w.analyst, 'POST', '/api/cases', { kind: 'campaign', title: ' ', summary: 's', cwe: 'CWE-0' });
    expect(semantic.json.errors.map((e: { path: string }) => e.path)).toEqual(['/title', '/pattern', '/vulnerabilities', '/cwe']);
    expect(await chainHead(db)).toEqual(head);
    expect((await w.call(vendorA.token, 'POST', '/api/cases', { title: 't', summary: 's', reportIds: [reportId] })).status).toBe(403);
    const opened = await w.call(w.analyst, 'POST', '/api/cases', { title: 'Heap overflow', summary: 'In the png decoder.', reportIds: [reportId] });
    expect(opened.status).toBe(201);
    const invited = await w.call(w.analyst, 'POST', `/api/cases/${opened.json.id}/vendors`, { organisations: [vendorA.org, vendorB.org] });
    expect(invited.json).toMatchObject({ state: 'coordinating', embargo: { state: 'proposed' } });
  });

  it('isolates vendors: 404 for what is not theirs, absent from lists', async () => {
    const { caseId, vulnId } = await openedCase();
    const put = (token: string, body: unknown) => w.call(token, 'POST', `/api/cases/${caseId}/vulnerabilities/${vulnId}/statement`, body);
    const bad = await put(vendorA.token, { status: 'not_affected', justification: 'because', fixedVersions: [] });
    expect(bad.status).toBe(400);
    expect(bad.json.errors.map((e: { path: string }) => e.path)).toEqual(['/justification']);
    const sa = await put(vendorA.token, { status: 'fixed', fixedVersions: ['1.4.2'] });
    expect(sa.status).toBe(200);
    expect((await put(vendorB.token, { status: 'under_investigation' })).status).toBe(200);
    const listB = await w.call(vendorB.token, 'GET', `/api/cases/${caseId}/statements`);
    expect(listB.json.items.map((s: { vendorOrganisationId: string }) => s.vendorOrganisationId)).toEqual([vendorB.org]);
    expect(listB.json.total).toBe(1);
    const thread = await w.call(vendorA.token, 'POST', `/api/cases/${caseId}/threads`, { subject: 'Our fix' });
    expect(thread.status).toBe(201);
    expect((await w.call(vendorB.token, 'GET', `/api/cases/${caseId}/threads/${thread.json.id}/messages`)).status).toBe(404);
    expect((await w.call(vendorB.token, 'POST', `/api/cases/${caseId}/threads/${thread.json.id}/messages`, { body: 'hi' })).status).toBe(404);
    expect((await w.call(vendorB.token, 'GET', `/api/cases/${caseId}/threads`)).json.total).toBe(0);
    expect((await w.call(w.reporterB, 'GET', `/api/cases/${caseId}`)).status).toBe(404);
    expect((await w.call(w.reporterB, 'GET', '/api/cases')).json.total).toBe(0);
    const inbox = await w.call(vendorB.token, 'GET', '/api/inbox');
    expect(inbox.json.items.map((i: { case: { id: string } }) => i.case.id)).toEqual([caseId]);
    expect(inbox.json.items[0].case.vendorCount).toBeUndefined();
  });

  it('agrees an embargo, drafts the advisory at its end, and publishes it then', async () => {
    const { caseId } = await openedCase();
    const proposals = (await w.call(w.analyst, 'GET', `/api/cases/${caseId}`)).json.proposals;
    expect(proposals[0].publicAt).toBe(new Date(clock.now.getTime() + 90 * DAY).toISOString());
    expect((await w.call(vendorA.token, 'POST', `/api/cases/${caseId}/embargo/proposals/${proposals[0].id}/accept`)).status).toBe(200);
    const noReason = await w.call(w.analyst, 'POST', `/api/cases/${caseId}/embargo/proposals`, { publicAt: 'tomorrow' });
    expect(noReason.status).toBe(400);
    expect(noReason.json.errors.map((e: { path: string }) => e.path)).toEqual(['/publicAt']);
    const early = new Date(clock.now.getTime() + 30 * DAY).toISOString();
    const counter = await w.call(vendorB.token, 'POST', `/api/cases/${caseId}/embargo/proposals`, { publicAt: early });
    expect(counter.status).toBe(201);
    expect((await w.call(vendorA.token, 'POST', `/api/cases/${caseId}/embargo/decision`, { decision: 'adopt', proposalId: counter.json.id })).status).toBe(403);
    const decided = await w.call(w.analyst, 'POST', `/api/cases/${caseId}/embargo/decision`, { decision: 'adopt', proposalId: counter.json.id });
    expect(decided.json).toMatchObject({ state: 'embargoed', embargo: { state: 'active', publicAt: early } });
    const drafted = await w.call(w.analyst, 'POST', `/api/cases/${caseId}/advisory`, { content: advisoryContent('casehttp') });
    expect(drafted.status).toBe(201);
    expect(drafted.json.advisory).toMatchObject({ state: 'scheduled', publishAt: early });
    const id = drafted.json.advisory.id as string;
    expect((await fetch(`${w.url}/v1/vulns/${id}`)).status).toBe(404);
    expect((await w.call(vendorB.token, 'GET', `/api/advisories/${id}`)).status).toBe(200);
    // At the embargo end the worker publishes the advisory (giving it its public id, ADR 0021) and the case is disclosed.
    clock.now = new Date(new Date(early).getTime() + 1000);
    await eventually(async () => (await w.call(w.analyst, 'GET', `/api/cases/${caseId}`)).json.state === 'disclosed');
    const publicId = (await w.call(w.analyst, 'GET', `/api/cases/${caseId}`)).json.advisoryId as string;
    expect(publicId).toMatch(/^AISC-2026-\d{5}$/);
    await eventually(async () => (await fetch(`${w.url}/v1/vulns/${publicId}`)).status === 200);
    expect((await w.call(vendorA.token, 'GET', `/api/cases/${caseId}`)).json.embargo.state).toBe('exited');
  });
});
