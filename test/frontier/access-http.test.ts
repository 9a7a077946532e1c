import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { makeOrganisation } from '../helpers/factories';
import { intakeWorld, type IntakeWorld, personIn } from '../intake/world';
import { makeVersion } from './access-world';

const DAY = 86_400_000;

describe('pre-release access over HTTP and the CLI (a live server)', () => {
  let w: IntakeWorld;
  let developer: { token: string; userId: string };
  let developerOrg: string;
  let agencyOrg: string;
  let outsider: { token: string };
  const as = (token: string) => ({ AISC_SERVER: w.server.url, AISC_TOKEN: token });
  const inDays = (d: number) => new Date(Date.now() + d * DAY).toISOString();
  beforeAll(async () => {
    w = await intakeWorld();
    const ctx = w.server.server.runtime.ctx;
    developerOrg = (await makeOrganisation(ctx, { kind: 'ai_developer' })).id;
    developer = await personIn(w.server, developerOrg, 'member', ['read', 'write']);
    agencyOrg = (await makeOrganisation(ctx, { kind: 'government_agency' })).id;
    outsider = await personIn(w.server, (await makeOrganisation(ctx, { kind: 'ai_developer' })).id, 'member', ['read', 'write']);
  }, 120_000);
  afterAll(() => w?.close());

  const newVersion = () => makeVersion(w.server.server.runtime.ctx, developerOrg, { general: new Date(Date.now() + 60 * DAY) });

  it('serves the access policy; only a platform admin changes it, with every bad field named', async () => {
    const got = await w.call(developer.token, 'GET', '/api/frontier/access-policy');
    expect(got.status).toBe(200);
    expect(got.json).toEqual({ windowDays: 30, mode: 'minimum', milestone: 'general', reminderOffsetsDays: [30, 14, 7, 1] });
    expect((await w.call(w.analyst, 'PUT', '/api/frontier/access-policy', got.json)).status).toBe(403);
    const bad = await w.call(w.admin, 'PUT', '/api/frontier/access-policy', { ...got.json, windowDays: -3, reminderOffsetsDays: [1.5] });
    expect(bad.status).toBe(400);
    expect(bad.json.errors.map((e: { path: string }) => e.path)).toEqual(['/windowDays', '/reminderOffsetsDays/0']);
    const put = await w.call(w.admin, 'PUT', '/api/frontier/access-policy', { ...got.json, reminderOffsetsDays: [14, 30] });
    expect(put.json.reminderOffsetsDays).toEqual([30, 14]);
    await w.call(w.admin, 'PUT', '/api/frontier/access-policy', got.json);
  });

  it('makes a plan, names bad grant fields, turns on_track with a grant, and hides the plan from others', async () => {
    const versionId = await newVersion();
    const made = await w.call(developer.token, 'POST', '/api/frontier/plans', { versionId });
    expect(made.status, made.text).toBe(201);
    expect(made.json.window.status).toBe('at_risk');
    const planId = made.json.id as string;
    const grant = {
      granteeOrganisationId: agencyOrg,
      accessKind: 'reasoning_traces',
      environment: 'government_on_premises',
      startsAt: inDays(1),
      endsAt: inDays(90),
    };
    const bad = await w.call(developer.token, 'POST', `/api/frontier/plans/${planId}/grants`, { ...grant, endsAt: inDays(-1), budgets: { tokens: -1 } });
    expect(bad.status).toBe(400);
    expect(bad.json.errors.map((e: { path: string }) => e.path)).toEqual(['/budgets/tokens', '/endsAt']);
    const unknownKind = await w.call(developer.token, 'POST', `/api/frontier/plans/${planId}/grants`, { ...grant, accessKind: 'everything' });
    expect(unknownKind.status).toBe(400);
    const added = await w.call(developer.token, 'POST', `/api/frontier/plans/${planId}/grants`, grant);
    expect(added.status, added.text).toBe(201);
    expect(added.json.window).toMatchObject({ status: 'on_track', drift: false });
    expect((await w.call(outsider.token, 'GET', `/api/frontier/plans/${planId}`)).status).toBe(404);
    expect((await w.call(outsider.token, 'POST', `/api/frontier/plans/${planId}/grants`, grant)).status).toBe(404);
    // The plan of one version: found by `versionId`, absent for an outsider, a bad id named.
    const byVersion = await w.call(developer.token, 'GET', `/api/frontier/plans?versionId=${versionId}`);
    expect(byVersion.status, byVersion.text).toBe(200);
    expect(byVersion.json).toMatchObject({ total: 1, items: [{ id: planId, versionId, window: { status: 'on_track' } }] });
    expect((await w.call(outsider.token, 'GET', `/api/frontier/plans?versionId=${versionId}`)).json).toMatchObject({ total: 0, items: [] });
    const badVersion = await w.call(developer.token, 'GET', '/api/frontier/plans?versionId=nope');
    expect(badVersion.status).toBe(400);
    expect(JSON.stringify(badVersion.json)).toContain('versionId');
    const portfolio = await w.call(w.analyst, 'GET', '/api/frontier/portfolio?status=on_track&limit=500');
    expect(portfolio.status).toBe(200);
    expect(portfolio.json.items.map((i: { versionId: string }) => i.versionId)).toContain(versionId);
    const theirs = await w.call(outsider.token, 'GET', '/api/frontier/portfolio?limit=500');
    expect(theirs.json.items.map((i: { versionId: string }) => i.versionId)).not.toContain(versionId);
  });

  it('aisc frontier plans create FILE | list | show', async () => {
    const versionId = await newVersion();
    const file = join(tmpdir(), `plan-${process.pid}-${Math.random().toString(36).slice(2)}.json`);
    await writeFile(
      file,
      JSON.stringify({
        versionId,
        notes: 'CAISI testing agreement',
        grants: [
          { granteeOrganisationId: agencyOrg, accessKind: 'weights_secure_enclave', environment: 'classified', startsAt: inDays(1), endsAt: inDays(59) },
        ],
      }),
    );
    const created = await cli(['frontier', 'plans', 'create', file], as(developer.token));
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/^plan [0-9a-f-]{36}: 1 grant\nwindow: on_track, release \d{4}-\d\d-\d\d, lead time 59 d, access 0 of 58 scheduled days\n$/);
    const planId = /^plan ([0-9a-f-]{36})/.exec(created.stdout)![1]!;
    const list = await cli(['frontier', 'plans', 'list', '--json'], as(developer.token));
    expect(JSON.parse(list.stdout).map((p: { id: string }) => p.id)).toContain(planId);
    const show = await cli(['frontier', 'plans', 'show', planId], as(developer.token));
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toContain('policy: minimum 30 days before the general release');
    expect(show.stdout).toMatch(/grant [0-9a-f-]{36}: weights_secure_enclave in classified to /);
    const hidden = await cli(['frontier', 'plans', 'show', planId], as(outsider.token));
    expect(hidden.code).toBe(5);
    // A bad file: one line, the field named, exit code 3.
    await writeFile(file, JSON.stringify({ notes: 'no version' }));
    const bad = await cli(['frontier', 'plans', 'create', file], as(developer.token));
    expect(bad.code).toBe(3);
    expect(bad.stderr).toMatch(/versionId/);
    expect((await cli(['frontier', 'plans', 'list'], {})).code).toBe(3);
  });
});
