import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation } from '../helpers/factories';
import { intakeWorld, type IntakeWorld, personIn } from '../intake/world';

const DAY = 86_400_000;

describe('voluntary standards over HTTP (a live server)', () => {
  let w: IntakeWorld;
  let developer: { token: string };
  let developerOrg: string;
  let outsider: { token: string };
  const inDays = (d: number) => new Date(Date.now() + d * DAY).toISOString();
  const anonymous = async (path: string) => {
    const res = await fetch(w.server.url + path);
    return { status: res.status, json: await res.json() };
  };
  beforeAll(async () => {
    w = await intakeWorld();
    const ctx = w.server.server.runtime.ctx;
    developerOrg = (await makeOrganisation(ctx, { kind: 'ai_developer' })).id;
    developer = await personIn(w.server, developerOrg, 'member', ['read', 'write']);
    outsider = await personIn(w.server, (await makeOrganisation(ctx, { kind: 'ai_developer' })).id, 'member', ['read', 'write']);
  }, 120_000);
  afterAll(() => w?.close());

  it('serves the seeded catalogue; an admin adds a version (400 per field, 409 on a duplicate)', async () => {
    const list = await w.call(developer.token, 'GET', '/api/frontier/practices');
    expect(list.status).toBe(200);
    expect(list.json.items[0]).toMatchObject({ version: '2026-12-01', builtIn: true, current: true });
    expect(list.json.items[0].practices.find((p: { id: string }) => p.id === 'incident-reporting').evidenceRequired).toBe(true);
    const doc = {
      version: '2026-12-01',
      title: 'Again',
      practices: [{ id: 'x', title: 'X', description: 'x', evidenceRequired: false, sources: [{ citation: 'c' }] }],
    };
    expect((await w.call(w.analyst, 'POST', '/api/frontier/practices', doc)).status).toBe(403);
    const bad = await w.call(w.admin, 'POST', '/api/frontier/practices', { ...doc, title: '', practices: [{ id: 'x' }] });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(bad.json.errors.map((e: { path: string }) => e.path)).toEqual([
      '/title',
      '/practices/0/title',
      '/practices/0/description',
      '/practices/0/evidenceRequired',
      '/practices/0/sources',
    ]);
    expect((await w.call(w.admin, 'POST', '/api/frontier/practices', doc)).status).toBe(409);
    expect((await w.call(developer.token, 'GET', '/api/frontier/practices/2026-12-01')).status).toBe(200);
    expect((await w.call(developer.token, 'GET', '/api/frontier/practices/1999')).status).toBe(404);
  });

  it('attests with per-field errors, reviews, hides from others, and shows the own scorecard', async () => {
    const bad = await w.call(developer.token, 'POST', '/api/frontier/attestations', {
      practiceId: 'model-weight-security',
      status: 'implemented',
      expiresAt: inDays(-2),
    });
    expect(bad.status).toBe(400);
    expect(bad.json.errors.map((e: { path: string }) => e.path)).toEqual(['/evidence', '/expiresAt']);
    const shape = await w.call(developer.token, 'POST', '/api/frontier/attestations', {
      practiceId: 'model-weight-security',
      status: 'done',
      expiresAt: 'soon',
    });
    expect(shape.status).toBe(400);
    expect(shape.json.errors.map((e: { path: string }) => e.path).sort()).toEqual(['/expiresAt', '/status']);
    const made = await w.call(developer.token, 'POST', '/api/frontier/attestations', {
      practiceId: 'model-weight-security',
      status: 'implemented',
      evidence: [{ kind: 'link', ref: 'https://example.test/weights-security' }],
      expiresAt: inDays(180),
    });
    expect(made.status, made.text).toBe(201);
    expect(made.json).toMatchObject({ standing: 'current', organisationId: developerOrg, review: null });
    const id = made.json.id as string;
    expect((await w.call(outsider.token, 'GET', `/api/frontier/attestations/${id}`)).status).toBe(404);
    expect((await w.call(outsider.token, 'GET', '/api/frontier/attestations')).json.items).toEqual([]);
    expect((await w.call(outsider.token, 'POST', `/api/frontier/attestations/${id}/review`, { decision: 'accepted' })).status).toBe(404);
    const noComment = await w.call(w.analyst, 'POST', `/api/frontier/attestations/${id}/review`, { decision: 'questioned' });
    expect([noComment.status, noComment.json.errors.map((e: { path: string }) => e.path)]).toEqual([400, ['/comment']]);
    const reviewed = await w.call(w.analyst, 'POST', `/api/frontier/attestations/${id}/review`, { decision: 'accepted' });
    expect(reviewed.status, reviewed.text).toBe(200);
    expect(reviewed.json.review.decision).toBe('accepted');
    const changed = await w.call(developer.token, 'PUT', `/api/frontier/attestations/${id}`, { status: 'partial', evidence: [], expiresAt: inDays(90) });
    expect([changed.status, changed.json.errors?.map((e: { path: string }) => e.path)]).toEqual([400, ['/evidence']]);

    const own = await w.call(developer.token, 'GET', `/api/frontier/scorecards/${developerOrg}`);
    expect(own.status, own.text).toBe(200);
    expect(own.json).toMatchObject({
      developerOrganisationId: developerOrg,
      thirdPartyAssessments: { engagements: 0, completed: 0, completedBeforeRelease: 0 },
      findings: { total: 0 },
      incidents: null,
    });
    expect(own.json.participation).toMatchObject({ current: 1, implemented: 1, accepted: 1 });
    expect((await w.call(outsider.token, 'GET', `/api/frontier/scorecards/${developerOrg}`)).status).toBe(404);
    expect((await w.call(w.analyst, 'GET', `/api/frontier/scorecards/${developerOrg}`)).status).toBe(200);
  });

  it('publishes aggregates without a login, withholding a population below the minimum', async () => {
    const p = await anonymous('/api/public/frontier/scorecards');
    expect(p.status).toBe(200);
    expect(p.json).toMatchObject({ minGroupSize: 3, developers: null, catalogueVersion: '2026-12-01' });
    for (const t of p.json.tables) for (const c of t.cells) expect(c.developers, `${t.id}.${c.key}`).toBeNull();
    expect(JSON.stringify(p.json)).not.toContain(developerOrg);
    expect((await anonymous(`/api/frontier/scorecards/${developerOrg}`)).status).toBe(401);
  });
});
