import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { viewerOf } from '../../src/domain/identity/principal';
import { ANONYMOUS } from '../../src/domain/policy/viewer';
import { declareFacts, factHistory, listCurrentFacts, factSetOfVersion } from '../../src/services/frontier/facts';
import { evaluateVersionNow, latestEvaluation } from '../../src/services/frontier/evaluation';
import { addCheckpoint, addLineage, listLineage } from '../../src/services/frontier/lineage';
import { addVersion, countModels, createModel, getModel, searchModels, updateModelDetails, updateVersionPlan } from '../../src/services/frontier/models';
import { addRuleSetVersion, listRuleSets, reEvaluateJob, seedBuiltInRuleSets } from '../../src/services/frontier/rule-sets';
import { setRuleSettings } from '../../src/services/frontier/rule-settings';
import { getVersion } from '../../src/services/frontier/versions';
import { chainHead } from '../../src/store/audit';
import { eventsAfter } from '../../src/store/outbox';
import { frontierDesignations } from '../../src/store/schema/index';
import { markingRow } from '../../src/store/visibility';
import { SYSTEM } from '../../src/domain/policy/viewer';
import { contextFor } from '../helpers/databases';
import { databasePerFile } from '../helpers/database-per-file';
import { DRIVERS } from '../helpers/databases';
import { makePrincipal } from '../helpers/factories';
import { FRONTIER_FACTS, makeModel, registryWorld, type RegistryWorld, reviewJobs, runReEvaluations } from './registry-world';

const page = { limit: 50, offset: 0 };
const HASH = (c: string) => `sha256:${c.repeat(64)}`;
const paths = (err: unknown) => ((err as { details: { path: string }[] }).details ?? []).map((d) => d.path);
const codeOf = (err: unknown) => (err as { code: string }).code;
async function failure(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('expected a failure');
}

describe.each(DRIVERS)('frontier registry services on %s', (driver) => {
  const db = databasePerFile(driver);
  let w: RegistryWorld;
  let ctx: ReturnType<typeof contextFor>;
  beforeAll(async () => {
    ctx = contextFor(db().database);
    expect(await seedBuiltInRuleSets(ctx)).toBe(5);
    // Idempotent: a second start adds nothing.
    expect(await seedBuiltInRuleSets(ctx)).toBe(0);
  }, 120_000);
  beforeEach(async () => {
    w = await registryWorld(ctx);
  }, 60_000);

  it('registers a model with versions, marked AMBER+STRICT for the lab and the coordinators by default', async () => {
    const { model, versionId } = await makeModel(ctx, w.developer, { modalities: ['text', 'code'] });
    expect(model.marking).toMatchObject({ tlp: 'AMBER+STRICT', coordinators: true, ownerOrganisationId: w.developer.organisationId });
    expect(model.versions[0]!.marking).toEqual(model.marking);
    for (const p of [w.developer, w.colleague, w.analyst]) expect((await getModel(ctx, viewerOf(p), model.id)).versions.map((v) => v.id)).toEqual([versionId]);
    const v2 = await addVersion(ctx, w.developer, model.id, { version: 'v2', releaseChannels: ['api', 'api'], plannedGeneralRelease: '2026-09-20T00:00:00Z' });
    expect(v2.releaseChannels).toEqual(['api']);
    const moved = await updateVersionPlan(ctx, w.developer, v2.id, { plannedTrustedPartnerRelease: '2026-09-01T00:00:00Z' });
    expect(moved).toMatchObject({ plannedTrustedPartnerRelease: '2026-09-01T00:00:00.000Z', plannedGeneralRelease: '2026-09-20T00:00:00.000Z' });
    const late = await failure(updateVersionPlan(ctx, w.developer, v2.id, { plannedTrustedPartnerRelease: '2026-10-01T00:00:00Z' }));
    expect(paths(late)).toEqual(['/plannedTrustedPartnerRelease']);
    expect(codeOf(await failure(addVersion(ctx, w.developer, model.id, { version: 'v2' })))).toBe('CONFLICT');
    const renamed = await updateModelDetails(ctx, w.developer, model.id, { description: 'A model.' });
    expect(renamed.description).toBe('A model.');
  });

  it('keeps another lab out: 404 for the model and its version, absent from lists and counts', async () => {
    const { model, versionId } = await makeModel(ctx, w.developer);
    const outsider = viewerOf(w.otherLab);
    expect(codeOf(await failure(getModel(ctx, outsider, model.id)))).toBe('NOT_FOUND');
    expect(codeOf(await failure(getVersion(ctx, outsider, versionId)))).toBe('NOT_FOUND');
    expect(codeOf(await failure(latestEvaluation(ctx, outsider, versionId)))).toBe('NOT_FOUND');
    expect(codeOf(await failure(listCurrentFacts(ctx, outsider, versionId)))).toBe('NOT_FOUND');
    expect((await searchModels(ctx, outsider, { q: model.name, ...page })).total).toBe(0);
    expect(await countModels(ctx, outsider, { q: model.name })).toBe(0);
    expect(await countModels(ctx, ANONYMOUS, { q: model.name })).toBe(0);
    expect(await countModels(ctx, viewerOf(w.developer), { q: model.name })).toBe(1);
    expect(await countModels(ctx, viewerOf(w.analyst), { q: model.name })).toBe(1);
    // Writes by the outsider find nothing either, and a lab colleague who only reads may not write.
    expect(codeOf(await failure(declareFacts(ctx, w.otherLab, versionId, [FRONTIER_FACTS[0]!])))).toBe('NOT_FOUND');
    expect(codeOf(await failure(updateModelDetails(ctx, w.otherLab, model.id, { name: 'x' })))).toBe('NOT_FOUND');
    expect(codeOf(await failure(declareFacts(ctx, w.colleague, versionId, [FRONTIER_FACTS[0]!])))).toBe('FORBIDDEN');
    // A coordinator sees it but does not speak for the lab.
    expect(codeOf(await failure(addCheckpoint(ctx, w.analyst, versionId, { hash: HASH('a') })))).toBe('FORBIDDEN');
  });

  it('names every bad fact and writes nothing when one is bad', async () => {
    const { versionId } = await makeModel(ctx, w.developer);
    const head = await chainHead(ctx.db);
    const err = await failure(
      declareFacts(ctx, w.developer, versionId, [
        FRONTIER_FACTS[0]!,
        { key: 'parameters', value: 4e11, unit: 'parameters', method: 'declared' },
        { key: 'trainingTokens', value: -1, unit: 'tokens', method: 'declared' },
        { key: 'trainingCompute.fineTuning', value: 1e23, unit: 'PFLOP', method: 'estimated' },
        { key: 'favouriteColour', value: 1, unit: 'x', method: 'declared' },
        { key: 'bioSequenceDataShare', value: 0.1, unit: 'ratio', method: 'declared', confidence: 2 },
      ]),
    );
    expect(codeOf(err)).toBe('VALIDATION');
    expect(paths(err)).toEqual(['/facts/2/value', '/facts/3/unit', '/facts/4/key', '/facts/5/confidence']);
    expect(await chainHead(ctx.db)).toEqual(head);
    expect(await listCurrentFacts(ctx, viewerOf(w.developer), versionId)).toEqual([]);
    // In a whole model document, the paths say which version.
    const nested = await failure(
      createModel(ctx, w.developer, {
        name: 'nested',
        versions: [{ version: 'a' }, { version: 'b', facts: [{ key: 'parameters', value: -2, unit: 'parameters', method: 'declared' }] }],
      }),
    );
    expect(paths(nested)).toEqual(['/versions/1/facts/0/value']);
    expect(await chainHead(ctx.db)).toEqual(head);
  });

  it('keeps every declaration: the newest per key is current, the rest is history', async () => {
    const { versionId } = await makeModel(ctx, w.developer);
    const me = viewerOf(w.developer);
    await declareFacts(ctx, w.developer, versionId, [{ key: 'parameters', value: 1e11, unit: 'parameters', method: 'estimated', source: 'plan' }]);
    ctx.clock.now = new Date(ctx.clock.now.getTime() + 60_000);
    const current = await declareFacts(ctx, w.developer, versionId, [
      { key: 'parameters', value: 4e11, unit: 'parameters', method: 'measured', confidence: 0.9, source: 'run log', asOf: '2026-05-01T00:00:00Z' },
      FRONTIER_FACTS[0]!,
    ]);
    expect(current.map((f) => [f.key, f.value])).toEqual([
      ['parameters', 4e11],
      ['trainingCompute.pretraining', 1.2e25],
    ]);
    const history = await factHistory(ctx, me, versionId, 'parameters');
    expect(history.map((f) => [f.value, f.method, f.source])).toEqual([
      [1e11, 'estimated', 'plan'],
      [4e11, 'measured', 'run log'],
    ]);
    expect(await factSetOfVersion(ctx.db, me, versionId)).toEqual({ parameters: 4e11, trainingCompute: { pretraining: 1.2e25 } });
  });

  it('records an evaluation on every fact change, with the rule-set version it was computed with', async () => {
    const { versionId } = await makeModel(ctx, w.developer);
    const me = viewerOf(w.developer);
    expect((await latestEvaluation(ctx, me, versionId)).latest).toEqual([]);
    await declareFacts(ctx, w.developer, versionId, [{ key: 'trainingCompute.pretraining', value: 5e24, unit: 'FLOP', method: 'estimated' }]);
    const first = await latestEvaluation(ctx, me, versionId);
    const eu = (e: typeof first) => e.latest.find((r) => r.ruleSet === 'eu-ai-act-gpai-systemic-risk')!;
    expect(eu(first)).toMatchObject({ outcome: 'not_covered', trigger: 'fact_change', ruleSetVersion: expect.any(String) });
    expect(first.latest.map((r) => r.ruleSet).slice(0, 5)).toEqual([
      'eu-ai-act-gpai-systemic-risk',
      'ca-sb53-frontier-model',
      'ca-sb53-large-frontier-developer',
      'us-eo14110-dual-use',
      'us-eo14409-proxy',
    ]);
    ctx.clock.now = new Date(ctx.clock.now.getTime() + 60_000);
    await declareFacts(ctx, w.developer, versionId, [{ key: 'trainingCompute.fineTuning', value: 6e24, unit: 'FLOP', method: 'estimated' }]);
    const second = await latestEvaluation(ctx, me, versionId);
    expect(eu(second).outcome).toBe('covered');
    // The notification clock (information only): 14 days from when the phase that took the total over 1e25 was recorded.
    const at = ctx.clock.now.toISOString();
    expect(eu(second).clock).toEqual({ days: 14, from: at, dueAt: new Date(ctx.clock.now.getTime() + 14 * 86_400_000).toISOString() });
    expect(eu(first).clock).toBeNull();
    expect(second.latest.filter((r) => r.ruleSet !== 'eu-ai-act-gpai-systemic-risk').every((r) => r.clock === null)).toBe(true);
    // Declared asOf dates move it: the day the threshold was met (the later of the two phases it needs).
    await declareFacts(ctx, w.developer, versionId, [
      { key: 'trainingCompute.pretraining', value: 5e24, unit: 'FLOP', method: 'estimated', asOf: '2026-01-10T00:00:00.000Z' },
      { key: 'trainingCompute.fineTuning', value: 6e24, unit: 'FLOP', method: 'estimated', asOf: '2026-01-15T00:00:00.000Z' },
    ]);
    expect(eu(await latestEvaluation(ctx, me, versionId)).clock).toMatchObject({ from: '2026-01-15T00:00:00.000Z', dueAt: '2026-01-29T00:00:00.000Z' });
    expect(eu(second).factsDigest).not.toBe(eu(first).factsDigest);
    expect(second.history.filter((r) => r.ruleSet === 'eu-ai-act-gpai-systemic-risk').map((r) => r.outcome)).toEqual(['covered', 'not_covered']);
    // The EU rule set is in force: newly covered asks the designation side to consider a review, once.
    expect(await reviewJobs(ctx, versionId)).toEqual([{ versionId, trigger: 'rule_result', detail: expect.stringMatching(/^eu-ai-act-gpai-systemic-risk@/) }]);
    await declareFacts(ctx, w.developer, versionId, [{ key: 'parameters', value: 1e12, unit: 'parameters', method: 'declared' }]);
    expect(await reviewJobs(ctx, versionId)).toHaveLength(1);
    // Evaluation events carry no reasons or facts.
    const events = (await eventsAfter(ctx.db, 0, 100_000)).filter((e) => e.type === 'frontier_evaluation.recorded' && e.data.versionId === versionId);
    expect(events.length).toBeGreaterThanOrEqual(15);
    expect(Object.keys(events[0]!.data).sort()).toEqual(['id', 'outcome', 'ruleSet', 'ruleSetVersion', 'trigger', 'versionId']);
  });

  it('does not ask for a review on the revoked EO 14110 rule set, and does on the proxy', async () => {
    const bio = await makeModel(ctx, w.developer, {
      facts: [
        { key: 'trainingCompute.pretraining', value: 2e23, unit: 'FLOP', method: 'estimated' },
        { key: 'bioSequenceDataShare', value: 0.9, unit: 'ratio', method: 'declared' },
      ],
    });
    const r = await latestEvaluation(ctx, viewerOf(w.developer), bio.versionId);
    expect(r.latest.find((e) => e.ruleSet === 'us-eo14110-dual-use')!.outcome).toBe('covered');
    expect(await reviewJobs(ctx, bio.versionId)).toEqual([]);
    const proxy = await makeModel(ctx, w.developer, { facts: FRONTIER_FACTS.slice(3).map((f) => (f.key === 'evaluations.cyber' ? { ...f, value: 0.62 } : f)) });
    expect(await reviewJobs(ctx, proxy.versionId)).toEqual([
      { versionId: proxy.versionId, trigger: 'rule_result', detail: expect.stringMatching(/^us-eo14409-proxy@/) },
    ]);
  });

  it('adds a rule-set version through the service: every version re-evaluated, history kept; duplicates and bad documents refused', async () => {
    const admin = await makePrincipal(ctx, { coordinator: true, role: 'admin' });
    const id = `test-compute-${Math.random().toString(36).slice(2, 8)}`;
    const doc = (version: string, threshold: number) => ({
      id,
      version,
      title: 'Test compute threshold',
      regime: 'test',
      status: 'proposed',
      source: { citation: 'a test' },
      rule: { fact: 'parameters', op: 'gt', value: threshold },
    });
    const { versionId } = await makeModel(ctx, w.developer, { facts: [{ key: 'parameters', value: 5e11, unit: 'parameters', method: 'declared' }] });
    expect(codeOf(await failure(addRuleSetVersion(ctx, w.developer, doc('1', 1e12))))).toBe('FORBIDDEN');
    await addRuleSetVersion(ctx, admin, doc('1', 1e12));
    await runReEvaluations(ctx);
    const me = viewerOf(w.developer);
    const mine = async () => (await latestEvaluation(ctx, me, versionId)).history.filter((e) => e.ruleSet === id);
    expect((await mine()).map((e) => [e.ruleSetVersion, e.outcome, e.trigger])).toEqual([['1', 'not_covered', 'rule_set_version']]);
    ctx.clock.now = new Date(ctx.clock.now.getTime() + 60_000);
    await addRuleSetVersion(ctx, admin, doc('2', 1e11));
    await runReEvaluations(ctx);
    expect((await mine()).map((e) => [e.ruleSetVersion, e.outcome])).toEqual([
      ['2', 'covered'],
      ['1', 'not_covered'],
    ]);
    // A proposed rule set proposes no review.
    expect((await reviewJobs(ctx, versionId)).filter((j) => String(j.detail).includes(id))).toEqual([]);
    const dup = await failure(addRuleSetVersion(ctx, admin, doc('2', 5)));
    expect([codeOf(dup), paths(dup)]).toEqual(['CONFLICT', ['/version']]);
    const bad = await failure(addRuleSetVersion(ctx, admin, { ...doc('3', 1), status: 'maybe', rule: { fact: 'nope', op: 'gt', value: 1 } }));
    expect(codeOf(bad)).toBe('VALIDATION');
    expect(paths(bad)).toEqual(expect.arrayContaining(['/status']));
    expect((await listRuleSets(ctx)).filter((r) => r.id === id).map((r) => [r.version, r.current])).toEqual([
      ['2', true],
      ['1', false],
    ]);
    const threshold = await failure(setRuleSettings(ctx, admin, { proxyCyberThreshold: 2 }));
    expect(paths(threshold)).toEqual(['/proxyCyberThreshold']);
  });

  it('asks for a review on a new checkpoint of a designated version and on a derivative of one; refuses bad hashes and cycles', async () => {
    const parent = await makeModel(ctx, w.developer);
    const child = await makeModel(ctx, w.developer);
    expect(paths(await failure(addCheckpoint(ctx, w.developer, parent.versionId, { hash: 'sha256:ABC' })))).toEqual(['/hash']);
    await addCheckpoint(ctx, w.developer, parent.versionId, { hash: HASH('a') });
    expect(await reviewJobs(ctx, parent.versionId)).toEqual([]);
    const m = (await getVersion(ctx, SYSTEM, parent.versionId)).marking;
    await ctx.db.insert(frontierDesignations).values({
      versionId: parent.versionId,
      outcome: 'designated',
      ...markingRow({ ...m, accessOrganisations: m.access.organisations, accessUsers: m.access.users }),
      updatedAt: ctx.now(),
    });
    await addCheckpoint(ctx, w.developer, parent.versionId, { hash: HASH('b') });
    expect(await reviewJobs(ctx, parent.versionId)).toEqual([{ versionId: parent.versionId, trigger: 'checkpoint', detail: HASH('b') }]);
    expect(codeOf(await failure(addCheckpoint(ctx, w.developer, parent.versionId, { hash: HASH('b') })))).toBe('CONFLICT');
    await addLineage(ctx, w.developer, child.versionId, { parentVersionId: parent.versionId, kind: 'distilled_from' });
    expect(await reviewJobs(ctx, child.versionId)).toEqual([{ versionId: child.versionId, trigger: 'derivative', detail: parent.versionId }]);
    expect((await listLineage(ctx, viewerOf(w.developer), parent.versionId)).children.map((e) => e.versionId)).toEqual([child.versionId]);
    const cycle = await failure(addLineage(ctx, w.developer, parent.versionId, { parentVersionId: child.versionId, kind: 'fine_tune_of' }));
    expect(paths(cycle)).toEqual(['/parentVersionId']);
    const self = await failure(addLineage(ctx, w.developer, child.versionId, { parentVersionId: child.versionId, kind: 'fine_tune_of' }));
    expect(paths(self)).toEqual(['/parentVersionId']);
    // Another lab's unreleased version is no parent one can name.
    const hidden = await makeModel(ctx, w.otherLab);
    const unseen = await failure(addLineage(ctx, w.developer, child.versionId, { parentVersionId: hidden.versionId, kind: 'base_model' }));
    expect([codeOf(unseen), paths(unseen)]).toEqual(['VALIDATION', ['/parentVersionId']]);
  });

  it('evaluates again by hand: the developer or a platform administrator, recorded as history with the settings of the day', async () => {
    const admin = await makePrincipal(ctx, { coordinator: true, role: 'admin' });
    const facts = FRONTIER_FACTS.slice(3).map((f) => (f.key === 'evaluations.cyber' ? { ...f, value: 0.45 } : f));
    const { versionId } = await makeModel(ctx, w.developer, { facts });
    const proxy = (e: Awaited<ReturnType<typeof latestEvaluation>>) =>
      e.history.filter((r) => r.ruleSet === 'us-eo14409-proxy').map((r) => [r.outcome, r.trigger]);
    expect(codeOf(await failure(evaluateVersionNow(ctx, w.otherLab, versionId)))).toBe('NOT_FOUND');
    expect(codeOf(await failure(evaluateVersionNow(ctx, w.colleague, versionId)))).toBe('FORBIDDEN');
    expect(codeOf(await failure(evaluateVersionNow(ctx, w.analyst, versionId)))).toBe('FORBIDDEN');
    await setRuleSettings(ctx, admin, { proxyCyberThreshold: 0.4 });
    try {
      ctx.clock.now = new Date(ctx.clock.now.getTime() + 60_000);
      const again = await evaluateVersionNow(ctx, admin, versionId);
      expect(proxy(again)).toEqual([
        ['covered', 'manual'],
        ['not_covered', 'fact_change'],
      ]);
      expect(proxy(await evaluateVersionNow(ctx, w.developer, versionId))[0]).toEqual(['covered', 'manual']);
      expect(await reviewJobs(ctx, versionId)).toEqual([{ versionId, trigger: 'rule_result', detail: expect.stringMatching(/^us-eo14409-proxy@/) }]);
    } finally {
      await setRuleSettings(ctx, admin, { proxyCyberThreshold: 0.5 });
    }
  });

  it('re-evaluates nothing twice when a job runs again, and leaves a superseded version to the newer one', async () => {
    const admin = await makePrincipal(ctx, { coordinator: true, role: 'admin' });
    const id = `test-retry-${Math.random().toString(36).slice(2, 8)}`;
    const doc = (version: string) => ({
      id,
      version,
      title: 'Retry',
      regime: 'test',
      status: 'proposed',
      source: { citation: 'a test' },
      rule: { fact: 'parameters', op: 'gt', value: 1 },
    });
    const { versionId } = await makeModel(ctx, w.developer, { facts: [{ key: 'parameters', value: 5, unit: 'parameters', method: 'declared' }] });
    const mine = async () =>
      (await latestEvaluation(ctx, viewerOf(w.developer), versionId)).history.filter((e) => e.ruleSet === id).map((e) => e.ruleSetVersion);
    await addRuleSetVersion(ctx, admin, doc('1'));
    ctx.clock.now = new Date(ctx.clock.now.getTime() + 60_000);
    await addRuleSetVersion(ctx, admin, doc('2'));
    // The job of version 1 finds it superseded and does nothing; version 2's evaluates.
    expect(await reEvaluateJob(ctx, { ruleSetId: id, version: '1' }, 1, false)).toEqual({ status: 'done' });
    expect(await mine()).toEqual([]);
    await runReEvaluations(ctx);
    expect(await mine()).toEqual(['2']);
    // A retry of version 2's job (its worker died after the work) adds nothing.
    expect(await reEvaluateJob(ctx, { ruleSetId: id, version: '2' }, 2, false)).toEqual({ status: 'done' });
    expect(await mine()).toEqual(['2']);
  });
});
