import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation } from '../helpers/factories';
import { intakeWorld, type IntakeWorld, personIn } from '../intake/world';
import { makeVersion } from './access-world';

const paths = (r: { json: { errors?: { path: string }[] } }) => (r.json.errors ?? []).map((e) => e.path);

describe('assessment engagements over HTTP (a live server)', () => {
  let w: IntakeWorld;
  let developer: { token: string };
  let assessor: { token: string };
  let outsider: { token: string };
  let assessorOrg: string;
  let versionId: string;
  beforeAll(async () => {
    w = await intakeWorld();
    const ctx = w.server.server.runtime.ctx;
    const developerOrg = (await makeOrganisation(ctx, { kind: 'ai_developer' })).id;
    developer = await personIn(w.server, developerOrg, 'member', ['read', 'write']);
    assessorOrg = (await makeOrganisation(ctx, { kind: 'third_party_assessor' })).id;
    assessor = await personIn(w.server, assessorOrg, 'member', ['read', 'write']);
    outsider = await personIn(w.server, (await makeOrganisation(ctx, { kind: 'ai_developer' })).id, 'member', ['read', 'write']);
    versionId = await makeVersion(ctx, developerOrg);
  }, 120_000);
  afterAll(() => w?.close());

  const body = (over: Record<string, unknown> = {}) => ({
    versionId,
    title: 'Cyber assessment',
    assessorOrganisationId: assessorOrg,
    purpose: 'robustness',
    scope: { domains: ['cyber_offense'] },
    independence: { assessorChosenBy: 'jointly', developerReviewRight: true },
    publicationRights: 'summary',
    ...over,
  });

  it('names every bad field of a new engagement, at the edge and in the service', async () => {
    const edge = await w.call(
      developer.token,
      'POST',
      '/api/frontier/engagements',
      body({ purpose: 'audit', scope: { domains: ['telepathy'] }, publicationRights: 'all' }),
    );
    expect(edge.status).toBe(400);
    expect(paths(edge).sort()).toEqual(['/publicationRights', '/purpose', '/scope/domains/0']);
    const service = await w.call(developer.token, 'POST', '/api/frontier/engagements', body({ title: '', assessorOrganisationId: versionId }));
    expect(service.status).toBe(400);
    expect(paths(service)).toEqual(['/assessorOrganisationId', '/title']);
    expect(service.headers.get('content-type')).toContain('application/problem+json');
  });

  it('runs an engagement end to end: moves, a finding and its remediation, a conclusion, a run, and the three exports', async () => {
    const made = await w.call(developer.token, 'POST', '/api/frontier/engagements', body());
    expect(made.status, made.text).toBe(201);
    const id = made.json.id as string;
    const move = (token: string, m: Record<string, unknown>) => w.call(token, 'POST', `/api/frontier/engagements/${id}/moves`, m);
    expect((await move(assessor.token, { event: 'request_access' })).json.state).toBe('access_pending');
    expect((await move(developer.token, { event: 'start' })).status).toBe(403);
    expect((await move(assessor.token, { event: 'start' })).json.moves).toEqual(['submit_draft', 'withdraw']);
    expect(paths(await move(assessor.token, { event: 'withdraw' }))).toEqual(['/reason']);

    const f = await w.call(assessor.token, 'POST', `/api/frontier/engagements/${id}/findings`, {
      domain: 'cyber_offense',
      severity: 'high',
      title: 'Autonomous exploit',
      detail: 'HTTP-DETAIL-SECRET',
    });
    expect(f.status, f.text).toBe(201);
    const fid = f.json.id as string;
    const noEvidence = await w.call(developer.token, 'POST', `/api/frontier/engagements/${id}/findings/${fid}/remediation`, { event: 'mitigate' });
    expect(noEvidence.status).toBe(400);
    expect(paths(noEvidence)).toEqual(['/note', '/evidence']);
    const mitigated = await w.call(developer.token, 'POST', `/api/frontier/engagements/${id}/findings/${fid}/remediation`, {
      event: 'mitigate',
      note: 'patched',
      evidence: ['change-7'],
    });
    expect(mitigated.json.remediationState).toBe('mitigated_before_release');
    const c = await w.call(assessor.token, 'PUT', `/api/frontier/engagements/${id}/conclusions`, {
      domain: 'cyber_offense',
      framework: 'google-deepmind-fsf',
      frameworkLabel: 'Alert threshold reached',
      tlp: 'CLEAR',
    });
    expect(c.json).toMatchObject({ level: 'medium', mappingVersion: '2026-12-03.1' });
    // A run nobody imported (or one the caller may not see) is 404 to the assessor; the engagement itself is 404 to an outsider.
    const runId = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
    expect((await w.call(assessor.token, 'POST', `/api/frontier/engagements/${id}/runs/${runId}`)).status).toBe(404);
    expect((await w.call(outsider.token, 'POST', `/api/frontier/engagements/${id}/runs/${runId}`)).status).toBe(404);
    expect((await w.call(outsider.token, 'GET', `/api/frontier/engagements/${id}`)).status).toBe(404);
    expect((await w.call(outsider.token, 'GET', '/api/frontier/engagements')).json).toEqual({ items: [], total: 0 });

    const bad = await w.call(developer.token, 'GET', `/api/frontier/engagements/${id}/export?audience=everyone`);
    expect(bad.status).toBe(400);
    expect((await w.call(developer.token, 'GET', `/api/frontier/engagements/${id}/export?audience=public`)).status).toBe(409);
    const partner = await w.call(developer.token, 'GET', `/api/frontier/engagements/${id}/export?audience=partner`);
    expect(partner.status, partner.text).toBe(200);
    expect(partner.json.findings).toEqual([expect.objectContaining({ title: 'Autonomous exploit', detail: null })]);
    expect(partner.text).not.toContain('HTTP-DETAIL-SECRET');

    await move(assessor.token, { event: 'submit_draft' });
    await move(developer.token, { event: 'open_review' });
    await move(developer.token, { event: 'close_review' });
    expect((await move(developer.token, { event: 'publish_summary', summary: 'Alert threshold reached in cyber.' })).json.state).toBe('published_summary');
    // Anonymous: no credentials at all.
    const res = await fetch(`${w.url}/api/frontier/engagements/${id}/export?audience=public`);
    const pub = { status: res.status, text: await res.text() } as { status: number; text: string; json: Record<string, unknown> & { conclusions: unknown[] } };
    pub.json = JSON.parse(pub.text);
    expect(pub.status, pub.text).toBe(200);
    expect(pub.json).toMatchObject({ tlp: 'CLEAR', findings: [], annexes: [], header: { summary: 'Alert threshold reached in cyber.' } });
    expect(pub.json.conclusions).toEqual([expect.objectContaining({ frameworkLabel: 'Alert threshold reached', level: 'medium' })]);
    expect(pub.text).not.toMatch(/HTTP-DETAIL-SECRET|Autonomous exploit/);
  });

  it('edits and deletes findings, adds annexes with every bad field named, and filters the list', async () => {
    const made = await w.call(developer.token, 'POST', '/api/frontier/engagements', body({ title: 'Second assessment' }));
    const id = made.json.id as string;
    await w.call(assessor.token, 'POST', `/api/frontier/engagements/${id}/moves`, { event: 'request_access' });
    await w.call(assessor.token, 'POST', `/api/frontier/engagements/${id}/moves`, { event: 'start' });
    const f = await w.call(assessor.token, 'POST', `/api/frontier/engagements/${id}/findings`, { domain: 'cyber_offense', severity: 'low', title: 'Typo' });
    const fid = f.json.id as string;
    const patched = await w.call(assessor.token, 'PATCH', `/api/frontier/engagements/${id}/findings/${fid}`, { severity: 'medium', title: 'Weak sandbox' });
    expect(patched.json).toMatchObject({ severity: 'medium', title: 'Weak sandbox' });
    expect((await w.call(developer.token, 'PATCH', `/api/frontier/engagements/${id}/findings/${fid}`, { title: 'x' })).status).toBe(403);
    expect((await w.call(assessor.token, 'DELETE', `/api/frontier/engagements/${id}/findings/${fid}`)).status).toBe(204);
    expect((await w.call(assessor.token, 'DELETE', `/api/frontier/engagements/${id}/findings/${fid}`)).status).toBe(404);
    const annex = await w.call(assessor.token, 'POST', `/api/frontier/engagements/${id}/annexes`, {
      title: ' ',
      body: '',
      tlp: 'CLEAR',
      classification: 'SECRET',
    });
    expect(annex.status).toBe(400);
    expect(paths(annex)).toEqual(['/tlp', '/title', '/body', '/classification']);
    const listed = await w.call(developer.token, 'GET', `/api/frontier/engagements?state=in_progress&versionId=${versionId}`);
    expect(listed.json.items.map((e: { id: string }) => e.id)).toContain(id);
    expect((await w.call(developer.token, 'GET', '/api/frontier/engagements?state=sideways')).status).toBe(400);
  });

  it('serves the risk scale and its mappings, and names them in the vocabulary', async () => {
    const r = await w.call(developer.token, 'GET', '/api/frontier/risk-scales');
    expect(r.json.levels).toEqual(['low', 'medium', 'high', 'critical']);
    expect(r.json.mappings.map((m: { id: string }) => m.id)).toEqual(['anthropic-rsp', 'openai-preparedness', 'google-deepmind-fsf']);
    const v = await w.call(developer.token, 'GET', '/api/vocabulary');
    expect(v.json.frontier.riskDomains.map((d: { id: string }) => d.id)).toContain('model_weight_security');
    expect(v.json.frontier.engagementStates).toContain('developer_review');
  });
});
