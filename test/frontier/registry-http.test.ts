import { writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSIDER_REVIEW_JOB } from '../../src/services/frontier/review-triggers';
import { chainHead } from '../../src/store/audit';
import { cli } from '../helpers/cli';
import { eventually } from '../helpers/receiver';
import { intakeWorld, type IntakeWorld } from '../intake/world';
import { FRONTIER_FACTS, queued } from './registry-world';

let n = 0;
const modelDoc = (facts: unknown[] = FRONTIER_FACTS) => ({
  name: `Frontier ${++n}`,
  family: 'frontier',
  modalities: ['text', 'code'],
  versions: [{ version: '1.0', releaseChannels: ['api'], plannedGeneralRelease: '2026-09-20T00:00:00Z', facts }],
});
const paths = (json: { errors?: { path: string }[] }) => (json.errors ?? []).map((e) => e.path);

describe('frontier registry over HTTP and the CLI', () => {
  // One server for the file; each test registers its own models. Lab A and lab B are two AI developers.
  let w: IntakeWorld;
  beforeAll(async () => {
    w = await intakeWorld();
  }, 120_000);
  afterAll(() => w?.close());

  const create = async (token: string, doc: unknown = modelDoc()) => {
    const r = await w.call(token, 'POST', '/api/frontier/models', doc);
    expect(r.status, r.text).toBe(201);
    return { id: r.json.id as string, versionId: r.json.versions[0].id as string, json: r.json };
  };

  it('registers a model with a version and its facts, and reads it back with the evaluation', async () => {
    const { id, versionId, json } = await create(w.reporterA);
    expect(json.marking).toMatchObject({ tlp: 'AMBER+STRICT', coordinators: true, ownerOrganisationId: w.orgA });
    const model = await w.call(w.reporterA, 'GET', `/api/frontier/models/${id}`);
    expect(model.json.versions.map((v: { version: string }) => v.version)).toEqual(['1.0']);
    const version = await w.call(w.reporterA, 'GET', `/api/frontier/versions/${versionId}`);
    expect(version.status).toBe(200);
    expect(version.json.facts.map((f: { key: string }) => f.key)).toContain('evaluations.cyber');
    const evaluation = await w.call(w.reporterA, 'GET', `/api/frontier/versions/${versionId}/evaluation`);
    expect(evaluation.status).toBe(200);
    const byId = Object.fromEntries(evaluation.json.latest.map((e: { ruleSet: string; outcome: string }) => [e.ruleSet, e.outcome]));
    expect(byId).toMatchObject({
      'eu-ai-act-gpai-systemic-risk': 'covered',
      'ca-sb53-frontier-model': 'not_covered',
      // Not a frontier model, so not a large developer's one, whatever the revenue (three-valued: false and unknown is false).
      'ca-sb53-large-frontier-developer': 'not_covered',
      'us-eo14409-proxy': 'not_covered',
    });
    // A covered EU result shows its notification clock (14 days from when the facts held); the others have none.
    const clocks = Object.fromEntries(evaluation.json.latest.map((e: { ruleSet: string; clock: unknown }) => [e.ruleSet, e.clock]));
    expect(clocks['eu-ai-act-gpai-systemic-risk']).toEqual({ days: 14, from: expect.any(String), dueAt: expect.any(String) });
    const eu = clocks['eu-ai-act-gpai-systemic-risk'] as { from: string; dueAt: string };
    expect(Date.parse(eu.dueAt) - Date.parse(eu.from)).toBe(14 * 86_400_000);
    expect(clocks['ca-sb53-frontier-model']).toBeNull();
    // The coordinators see it (shared with them by default) and the lab's version asks for a review (EU: covered).
    expect((await w.call(w.analyst, 'GET', `/api/frontier/models/${id}`)).status).toBe(200);
    const jobs = (await queued(w.server.server.runtime.ctx, CONSIDER_REVIEW_JOB)).map((j) => j.payload as Record<string, unknown>);
    expect(jobs.filter((j) => j.versionId === versionId)).toEqual([
      { versionId, trigger: 'rule_result', detail: expect.stringContaining('eu-ai-act-gpai-systemic-risk@') },
    ]);
  });

  it('answers 404 to another lab, and leaves the model out of its lists and counts', async () => {
    const { id, versionId, json } = await create(w.reporterA);
    const name = encodeURIComponent(json.name);
    for (const path of [
      `/api/frontier/models/${id}`,
      `/api/frontier/versions/${versionId}`,
      `/api/frontier/versions/${versionId}/facts`,
      `/api/frontier/versions/${versionId}/evaluation`,
      `/api/frontier/versions/${versionId}/facts/parameters`,
      `/api/frontier/versions/${versionId}/checkpoints`,
      `/api/frontier/versions/${versionId}/lineage`,
    ]) {
      const r = await w.call(w.reporterB, 'GET', path);
      expect(r.status, path).toBe(404);
      expect(r.headers.get('content-type')).toContain('application/problem+json');
    }
    expect((await w.call(w.reporterB, 'GET', `/api/frontier/models?q=${name}`)).json).toEqual({ items: [], total: 0 });
    // The list of versions across models: the lab finds its own by the model's name, the other lab nothing.
    const versions = await w.call(w.reporterA, 'GET', `/api/frontier/versions?q=${name}`);
    expect(versions.json).toMatchObject({ total: 1, items: [{ id: versionId, modelId: id, modelName: json.name, version: '1.0' }] });
    expect((await w.call(w.reporterB, 'GET', `/api/frontier/versions?q=${name}`)).json).toEqual({ items: [], total: 0 });
    expect((await w.call(w.reporterA, 'GET', '/api/frontier/versions?q=%25')).json.items.map((v: { id: string }) => v.id)).not.toContain(versionId);
    expect((await w.call(w.reporterB, 'GET', `/api/frontier/models/count?q=${name}`)).json).toEqual({ count: 0 });
    expect((await w.call(w.reporterA, 'GET', `/api/frontier/models/count?q=${name}`)).json).toEqual({ count: 1 });
    expect((await fetch(`${w.url}/api/frontier/models/${id}`)).status).toBe(404);
    expect((await w.call(w.reporterB, 'POST', `/api/frontier/versions/${versionId}/facts`, { facts: [FRONTIER_FACTS[0]] })).status).toBe(404);
    // Naming another lab's unreleased version as a parent is naming nothing.
    const mine = await create(w.reporterB);
    const edge = await w.call(w.reporterB, 'POST', `/api/frontier/versions/${mine.versionId}/lineage`, { parentVersionId: versionId, kind: 'distilled_from' });
    expect([edge.status, paths(edge.json)]).toEqual([400, ['/parentVersionId']]);
  });

  it('names every bad fact as problem+json and writes nothing', async () => {
    const { versionId } = await create(w.reporterA, modelDoc([]));
    const head = await chainHead(w.server.server.runtime.ctx.db);
    const bad = await w.call(w.reporterA, 'POST', `/api/frontier/versions/${versionId}/facts`, {
      facts: [
        FRONTIER_FACTS[0],
        { key: 'parameters', value: 4e11, unit: 'parameters', method: 'declared' },
        { key: 'trainingTokens', value: -5, unit: 'tokens', method: 'declared' },
        { key: 'trainingCompute.other', value: 1e20, unit: 'TFLOP', method: 'declared' },
        { key: 'vibes', value: 1, unit: 'x', method: 'declared' },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(paths(bad.json)).toEqual(['/facts/2/value', '/facts/3/unit', '/facts/4/key']);
    const shape = await w.call(w.reporterA, 'POST', `/api/frontier/versions/${versionId}/facts`, {
      facts: [{ key: 'parameters', value: 'many', unit: 'parameters', method: 'guessed' }],
    });
    expect(shape.status).toBe(400);
    expect(paths(shape.json)).toEqual(expect.arrayContaining(['/facts/0/method']));
    expect(await chainHead(w.server.server.runtime.ctx.db)).toEqual(head);
    expect((await w.call(w.reporterA, 'GET', `/api/frontier/versions/${versionId}/facts`)).json).toEqual({ items: [] });
    // Then a good declaration, and its history.
    for (const value of [1e11, 4e11]) {
      const ok = await w.call(w.reporterA, 'POST', `/api/frontier/versions/${versionId}/facts`, {
        facts: [{ key: 'parameters', value, unit: 'parameters', method: 'estimated' }],
      });
      expect(ok.status).toBe(201);
    }
    const history = await w.call(w.reporterA, 'GET', `/api/frontier/versions/${versionId}/facts/parameters`);
    expect(history.json.items.map((f: { value: number }) => f.value)).toEqual([1e11, 4e11]);
    expect((await w.call(w.reporterA, 'GET', `/api/frontier/versions/${versionId}/facts`)).json.items.map((f: { value: number }) => f.value)).toEqual([4e11]);
  });

  it('adds a rule-set version through the API: 403 for others, 400 naming bad fields, 409 on a duplicate; every model re-evaluated', async () => {
    const { versionId } = await create(w.reporterA, modelDoc([{ key: 'parameters', value: 5e11, unit: 'parameters', method: 'declared' }]));
    const id = `http-test-${Math.random().toString(36).slice(2, 8)}`;
    const doc = (version: string, value: number) => ({
      id,
      version,
      title: 'Parameters',
      regime: 'test',
      status: 'proposed',
      source: { citation: 'test' },
      rule: { fact: 'parameters', op: 'gt', value },
    });
    expect((await w.call(w.reporterA, 'POST', '/api/frontier/rule-sets', doc('1', 1e12))).status).toBe(403);
    const bad = await w.call(w.admin, 'POST', '/api/frontier/rule-sets', { ...doc('1', 1e12), status: 'someday', extra: 1 });
    expect(bad.status).toBe(400);
    expect(paths(bad.json)).toEqual(expect.arrayContaining(['/status', '/extra']));
    expect((await w.call(w.admin, 'POST', '/api/frontier/rule-sets', doc('1', 1e12))).status).toBe(201);
    const results = async () =>
      (
        (await w.call(w.reporterA, 'GET', `/api/frontier/versions/${versionId}/evaluation`)).json.history as {
          ruleSet: string;
          ruleSetVersion: string;
          outcome: string;
          trigger: string;
        }[]
      ).filter((e) => e.ruleSet === id);
    await eventually(async () => (await results()).length === 1);
    expect((await results()).map((e) => [e.ruleSetVersion, e.outcome, e.trigger])).toEqual([['1', 'not_covered', 'rule_set_version']]);
    expect((await w.call(w.admin, 'POST', '/api/frontier/rule-sets', doc('2', 1e11))).status).toBe(201);
    await eventually(async () => (await results()).length === 2);
    expect((await results()).map((e) => [e.ruleSetVersion, e.outcome])).toEqual([
      ['2', 'covered'],
      ['1', 'not_covered'],
    ]);
    const dup = await w.call(w.admin, 'POST', '/api/frontier/rule-sets', doc('2', 7));
    expect([dup.status, paths(dup.json)]).toEqual([409, ['/version']]);
    const versions = await w.call(w.reporterA, 'GET', `/api/frontier/rule-sets/${id}`);
    expect(versions.json.items.map((r: { version: string; current: boolean }) => [r.version, r.current])).toEqual([
      ['2', true],
      ['1', false],
    ]);
    const all = await w.call(w.reporterA, 'GET', '/api/frontier/rule-sets');
    expect(all.json.items.filter((r: { builtIn: boolean }) => r.builtIn)).toHaveLength(5);
    expect((await w.call(w.reporterA, 'PUT', '/api/frontier/rule-settings', { proxyCyberThreshold: 0.4 })).status).toBe(403);
    expect((await w.call(w.admin, 'PUT', '/api/frontier/rule-settings', { proxyCyberThreshold: 1.5 })).status).toBe(400);
  });

  it('serves the frontier vocabularies', async () => {
    const v = (await fetch(`${w.url}/api/vocabulary`).then((r) => r.json())) as { frontier: Record<string, unknown> };
    expect(v.frontier).toMatchObject({
      lineageKinds: ['base_model', 'fine_tune_of', 'distilled_from', 'merged_from'],
      releaseChannels: ['api', 'consumer_app', 'open_weights', 'internal_only'],
      factMethods: ['measured', 'estimated', 'declared'],
      ruleSets: expect.arrayContaining(['eu-ai-act-gpai-systemic-risk', 'us-eo14409-proxy']),
    });
    expect(v.frontier.facts).toContainEqual({ key: 'trainingCompute.pretraining', unit: 'FLOP', kind: 'quantity', label: expect.any(String) });
  });

  it('aisc frontier models create|list|show against the server; a bad file is one line and exit 3; another lab sees nothing', async () => {
    const as = (token: string) => ({ AISC_SERVER: w.url, AISC_TOKEN: token });
    const dir = await mkdtemp(join(tmpdir(), 'aisc-models-'));
    const file = join(dir, 'model.json');
    const doc = modelDoc();
    await writeFile(file, JSON.stringify(doc));
    const created = await cli(['frontier', 'models', 'create', file], as(w.reporterA));
    expect(created.code, created.stderr).toBe(0);
    const id = /^registered .+ ([0-9a-f-]{36})$/m.exec(created.stdout)?.[1];
    expect(id).toBeDefined();
    const list = await cli(['frontier', 'models', 'list', '--q', doc.name], as(w.reporterA));
    expect(list.stdout).toBe(`${id}  AMBER+STRICT ${doc.name} (frontier)\n1 model\n`);
    const show = await cli(['frontier', 'models', 'show', id!], as(w.reporterA));
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toContain(`${doc.name} (frontier) — TLP:AMBER+STRICT\nmodalities: text, code\nversion 1.0 `);
    expect(show.stdout).toMatch(/\n {2}eu-ai-act-gpai-systemic-risk@[^:]+: covered\n/);
    const json = JSON.parse((await cli(['frontier', 'models', 'show', id!, '--json'], as(w.reporterA))).stdout);
    expect(json.evaluations[0].latest.length).toBeGreaterThanOrEqual(5);
    await writeFile(
      file,
      JSON.stringify({ ...modelDoc(), versions: [{ version: '1', facts: [{ key: 'parameters', value: -1, unit: 'parameters', method: 'declared' }] }] }),
    );
    const bad = await cli(['frontier', 'models', 'create', file], as(w.reporterA));
    expect(bad.code).toBe(3);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('/versions/0/facts/0/value');
    await writeFile(file, '{not json');
    expect((await cli(['frontier', 'models', 'create', file], as(w.reporterA))).code).toBe(3);
    const outsider = await cli(['frontier', 'models', 'show', id!], as(w.reporterB));
    expect(outsider.code).toBe(5);
    expect((await cli(['frontier', 'models', 'list', '--q', doc.name], as(w.reporterB))).stdout).toBe('0 models\n');
    expect((await cli(['frontier', 'models', 'list'], {})).code).toBe(3);
  });
});
