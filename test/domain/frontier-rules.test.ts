import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors';
import { compareDecimals, formatDecimal, sumDecimals, toDecimal } from '../../src/domain/frontier/decimal';
import { factDefinition, parseFactSet, totalTrainingCompute, type FactSet } from '../../src/domain/frontier/facts';
import { compileRuleSet, evaluateFactSet, formatNumber, type CoverageOutcome } from '../../src/domain/frontier/rule-engine';
import { resolveParameters, validateRuleSet, type RuleSetDocument } from '../../src/domain/frontier/rule-set';
import { BUILT_IN_RULE_SET_IDS, BUILT_IN_RULE_SETS, builtInRuleSet, compileBuiltInRuleSets } from '../../src/domain/frontier/rule-sets/index';

const ALL = compileBuiltInRuleSets();
const outcomes = (facts: FactSet): Record<string, CoverageOutcome> => Object.fromEntries(evaluateFactSet(facts, ALL).map((r) => [r.ruleSet, r.outcome]));
const result = (facts: FactSet, id: string) => evaluateFactSet(facts, ALL).find((r) => r.ruleSet === id)!;
const compute = (pretraining: number, more: Partial<Record<'fineTuning' | 'reinforcementLearning' | 'other', number>> = {}): FactSet['trainingCompute'] => ({
  pretraining,
  ...more,
});

describe('the shipped rule sets', () => {
  it('are the five of issue 11, each valid, versioned and cited', () => {
    expect(BUILT_IN_RULE_SET_IDS).toEqual([
      'eu-ai-act-gpai-systemic-risk',
      'ca-sb53-frontier-model',
      'ca-sb53-large-frontier-developer',
      'us-eo14110-dual-use',
      'us-eo14409-proxy',
    ]);
    for (const doc of BUILT_IN_RULE_SETS) {
      expect(validateRuleSet(doc).ok, doc.id).toBe(true);
      expect(doc.version).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(doc.source.citation.length).toBeGreaterThan(10);
    }
    expect(builtInRuleSet('us-eo14110-dual-use')?.status).toBe('revoked');
    expect(builtInRuleSet('us-eo14409-proxy')?.status).toBe('triage_aid');
    expect(builtInRuleSet('eu-ai-act-gpai-systemic-risk')).toMatchObject({ clock: { days: 14 }, rebuttable: true });
    expect(builtInRuleSet('nope')).toBeUndefined();
  });

  it('answers the issue example as the contract shows', () => {
    const parsed = parseFactSet({
      id: 'm1',
      trainingCompute: { pretraining: 1.2e25, fineTuning: 3e23, reinforcementLearning: 1e24, other: 0 },
      bioSequenceDataShare: 0.02,
      parameters: 4e11,
      capabilities: { reasoning: true, autonomousToolUse: true },
      evaluations: { cyber: 0.62 },
      developerAnnualRevenueUsd: 8e8,
    });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const results = evaluateFactSet(parsed.facts, ALL);
    expect(results.map((r) => [r.ruleSet, r.version, r.outcome])).toEqual([
      ['eu-ai-act-gpai-systemic-risk', '2025-08-02', 'covered'],
      ['ca-sb53-frontier-model', '2026-01-01', 'not_covered'],
      ['ca-sb53-large-frontier-developer', '2026-01-01', 'not_covered'],
      ['us-eo14110-dual-use', '2023-10-30', 'not_covered'],
      ['us-eo14409-proxy', '2026-06-02', 'covered'],
    ]);
    expect(results[0]!.reasons[0]).toBe('cumulative training compute 1.33e25 FLOP > 1e25 FLOP (Art. 51(2))');
    expect(results[0]!.reasons[1]).toContain('14 days');
    expect(results[3]!.reasons.at(-1)).toContain('revoked');
    expect(results[4]!.reasons.join(' ')).toContain('0.62 >= 0.5');
    expect(results[4]!.reasons.at(-1)).toContain('triage aid only');
  });

  // A table per regime at and around each threshold: "greater than" is strictly greater.
  const table: Array<[string, FactSet, Partial<Record<string, CoverageOutcome>>]> = [
    ['EU: just below 1e25', { trainingCompute: compute(9.99e24) }, { 'eu-ai-act-gpai-systemic-risk': 'not_covered' }],
    ['EU: exactly 1e25', { trainingCompute: compute(1e25) }, { 'eu-ai-act-gpai-systemic-risk': 'not_covered' }],
    ['EU: just above 1e25', { trainingCompute: compute(1.0001e25) }, { 'eu-ai-act-gpai-systemic-risk': 'covered' }],
    [
      'EU: phases summing to exactly 1e25',
      { trainingCompute: compute(7e24, { fineTuning: 2e24, reinforcementLearning: 1e24 }) },
      { 'eu-ai-act-gpai-systemic-risk': 'not_covered' },
    ],
    ['EU: 1e25 and one more FLOP', { trainingCompute: compute(1e25, { other: 1 }) }, { 'eu-ai-act-gpai-systemic-risk': 'covered' }],
    [
      'EU: fractions summing to 1e25',
      { trainingCompute: compute(3.3e24, { fineTuning: 3.3e24, other: 3.4e24 }) },
      { 'eu-ai-act-gpai-systemic-risk': 'not_covered' },
    ],
    [
      'SB 53: exactly 1e26',
      { trainingCompute: compute(1e26), developerAnnualRevenueUsd: 1e9 },
      { 'ca-sb53-frontier-model': 'not_covered', 'ca-sb53-large-frontier-developer': 'not_covered', 'eu-ai-act-gpai-systemic-risk': 'covered' },
    ],
    [
      'SB 53: above 1e26 only with fine-tuning and RL counted',
      { trainingCompute: compute(9e25, { fineTuning: 6e24, reinforcementLearning: 4e24, other: 1e20 }), developerAnnualRevenueUsd: 1e9 },
      { 'ca-sb53-frontier-model': 'covered', 'ca-sb53-large-frontier-developer': 'covered', 'us-eo14110-dual-use': 'covered' },
    ],
    [
      'SB 53: revenue exactly $500M',
      { trainingCompute: compute(2e26), developerAnnualRevenueUsd: 5e8 },
      { 'ca-sb53-frontier-model': 'covered', 'ca-sb53-large-frontier-developer': 'not_covered' },
    ],
    [
      'SB 53: revenue one dollar above $500M',
      { trainingCompute: compute(2e26), developerAnnualRevenueUsd: 500_000_001 },
      { 'ca-sb53-large-frontier-developer': 'covered' },
    ],
    [
      'SB 53: revenue below $500M',
      { trainingCompute: compute(2e26), developerAnnualRevenueUsd: 4.99e8 },
      { 'ca-sb53-large-frontier-developer': 'not_covered' },
    ],
    ['SB 53: revenue unknown, model a frontier model', { trainingCompute: compute(2e26) }, { 'ca-sb53-large-frontier-developer': 'insufficient_evidence' }],
    ['SB 53: revenue unknown, not a frontier model', { trainingCompute: compute(1e25) }, { 'ca-sb53-large-frontier-developer': 'not_covered' }],
    ['EO 14110: above 1e26 without bio data', { trainingCompute: compute(1.5e26), bioSequenceDataShare: 0 }, { 'us-eo14110-dual-use': 'covered' }],
    ['EO 14110: bio share exactly 0.5 above 1e23', { trainingCompute: compute(5e23), bioSequenceDataShare: 0.5 }, { 'us-eo14110-dual-use': 'not_covered' }],
    ['EO 14110: bio share 0.51 above 1e23', { trainingCompute: compute(5e23), bioSequenceDataShare: 0.51 }, { 'us-eo14110-dual-use': 'covered' }],
    ['EO 14110: bio share 0.49 above 1e23', { trainingCompute: compute(5e23), bioSequenceDataShare: 0.49 }, { 'us-eo14110-dual-use': 'not_covered' }],
    ['EO 14110: bio share 0.9 at exactly 1e23', { trainingCompute: compute(1e23), bioSequenceDataShare: 0.9 }, { 'us-eo14110-dual-use': 'not_covered' }],
    ['EO 14110: bio share 0.9 just above 1e23', { trainingCompute: compute(1.01e23), bioSequenceDataShare: 0.9 }, { 'us-eo14110-dual-use': 'covered' }],
    ['EO 14110: bio share unknown above 1e23', { trainingCompute: compute(5e24) }, { 'us-eo14110-dual-use': 'insufficient_evidence' }],
    ['EO 14110: bio share unknown at or below 1e23', { trainingCompute: compute(1e23) }, { 'us-eo14110-dual-use': 'not_covered' }],
    ['EO 14110: bio share unknown above 1e26', { trainingCompute: compute(2e26) }, { 'us-eo14110-dual-use': 'covered' }],
    [
      'proxy: cyber exactly at the 0.5 default',
      { capabilities: { reasoning: true, autonomousToolUse: true }, evaluations: { cyber: 0.5 } },
      { 'us-eo14409-proxy': 'covered', 'eu-ai-act-gpai-systemic-risk': 'insufficient_evidence' },
    ],
    [
      'proxy: cyber just below',
      { capabilities: { reasoning: true, autonomousToolUse: true }, evaluations: { cyber: 0.4999 } },
      { 'us-eo14409-proxy': 'not_covered' },
    ],
    [
      'proxy: no autonomous tool use',
      { capabilities: { reasoning: true, autonomousToolUse: false }, evaluations: { cyber: 0.9 } },
      { 'us-eo14409-proxy': 'not_covered' },
    ],
    [
      'proxy: no cyber score',
      { capabilities: { reasoning: true, autonomousToolUse: true }, evaluations: { other: 0.9 } },
      { 'us-eo14409-proxy': 'insufficient_evidence' },
    ],
    ['proxy: no reasoning decides despite missing facts', { capabilities: { reasoning: false } }, { 'us-eo14409-proxy': 'not_covered' }],
  ];
  it.each(table)('%s', (_name, facts, expected) => {
    const got = outcomes(facts);
    for (const [id, outcome] of Object.entries(expected)) expect(got[id], id).toBe(outcome);
  });

  it('answers insufficient_evidence naming the missing facts', () => {
    expect(Object.values(outcomes({}))).toEqual(Array(5).fill('insufficient_evidence'));
    expect(result({}, 'eu-ai-act-gpai-systemic-risk').reasons).toEqual(['missing fact: trainingCompute (no training phase given)']);
    expect(result({ trainingCompute: compute(2e26) }, 'ca-sb53-large-frontier-developer').reasons).toEqual([
      'cumulative training compute 2e26 FLOP > 1e26 FLOP (SB 53 §22757.11, frontier model)',
      'missing fact: developerAnnualRevenueUsd',
    ]);
    const eo = result({ trainingCompute: compute(5e24) }, 'us-eo14110-dual-use').reasons;
    expect(eo).toContain('missing fact: bioSequenceDataShare');
    expect(eo.filter((r) => r.startsWith('missing fact: trainingCompute'))).toEqual([]);
    // The same missing fact is named once even when two branches need it.
    expect(result({}, 'us-eo14110-dual-use').reasons.filter((r) => r.startsWith('missing fact: trainingCompute'))).toHaveLength(1);
  });

  it('names only the deciding facts of a decided outcome', () => {
    const r = result({ trainingCompute: compute(1e25), developerAnnualRevenueUsd: 1e9 }, 'ca-sb53-large-frontier-developer');
    expect(r.outcome).toBe('not_covered');
    expect(r.reasons).toEqual(['cumulative training compute 1e25 FLOP is not > 1e26 FLOP (SB 53 §22757.11, frontier model)']);
    const proxy = result({ capabilities: { reasoning: true, autonomousToolUse: false }, evaluations: { cyber: 0.7 } }, 'us-eo14409-proxy');
    expect(proxy.reasons[0]).toBe('autonomous tool use is false, not true (EO 14409 proxy: autonomous tool use)');
    expect(result({ trainingCompute: { pretraining: 0.1, other: 0.2 } }, 'eu-ai-act-gpai-systemic-risk').reasons[0]).toBe(
      'cumulative training compute 0.3 FLOP is not > 1e25 FLOP (Art. 51(2))',
    );
    // 1.7e25 + 3.1e24 is 2.0099999999999998e25 in float: the reason shows what was declared.
    expect(result({ trainingCompute: compute(1.7e25, { fineTuning: 3.1e24 }) }, 'eu-ai-act-gpai-systemic-risk').reasons[0]).toBe(
      'cumulative training compute 2.01e25 FLOP > 1e25 FLOP (Art. 51(2))',
    );
    const near = result({ trainingCompute: compute(1e25, { other: 1 }) }, 'eu-ai-act-gpai-systemic-risk');
    expect(near.reasons[0]).toBe('cumulative training compute 1.0000000000000000000000001e25 FLOP > 1e25 FLOP (Art. 51(2))');
  });

  it('counts a missing phase as 0 only when another phase is given', () => {
    expect(totalTrainingCompute({})).toBeUndefined();
    expect(totalTrainingCompute({ trainingCompute: {} })).toBeUndefined();
    expect(totalTrainingCompute({ trainingCompute: { fineTuning: 2e25 } })).toBe(2e25);
    expect(outcomes({ trainingCompute: {} })['eu-ai-act-gpai-systemic-risk']).toBe('insufficient_evidence');
    expect(outcomes({ trainingCompute: { other: 0 } })['eu-ai-act-gpai-systemic-risk']).toBe('not_covered');
    expect(outcomes({ trainingCompute: { reinforcementLearning: 2e25 } })['eu-ai-act-gpai-systemic-risk']).toBe('covered');
    expect(factDefinition('trainingCompute.fineTuning')!.read({ trainingCompute: { pretraining: 1 } })).toBe(0);
    expect(factDefinition('trainingCompute.fineTuning')!.read({})).toBeUndefined();
  });

  it('filters and orders by id, and refuses an unknown id', () => {
    expect(compileBuiltInRuleSets(['us-eo14409-proxy', 'ca-sb53-frontier-model']).map((c) => c.id)).toEqual(['us-eo14409-proxy', 'ca-sb53-frontier-model']);
    try {
      compileBuiltInRuleSets(['ca-sb53-frontier-model', 'nope']);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('VALIDATION');
      expect((err as AppError).message).toContain('"nope"');
      expect((err as AppError).message).toContain('eu-ai-act-gpai-systemic-risk');
    }
  });

  it('lets an authority set the proxy threshold, within its bounds', () => {
    const strict = compileBuiltInRuleSets(['us-eo14409-proxy'], { 'us-eo14409-proxy': { cyberThreshold: 0.8 } });
    const facts: FactSet = { capabilities: { reasoning: true, autonomousToolUse: true }, evaluations: { cyber: 0.62 } };
    expect(evaluateFactSet(facts, strict)[0]!.outcome).toBe('not_covered');
    expect(evaluateFactSet(facts, strict)[0]!.reasons[0]).toBe(
      'evaluation "cyber" score 0.62 is not >= 0.8 (parameter cyberThreshold; EO 14409 proxy: cyber capability)',
    );
    expect(strict[0]!.parameters.get('cyberThreshold')).toBe(0.8);
    const doc = builtInRuleSet('us-eo14409-proxy')!;
    expect(() => compileRuleSet(doc, { cyberThreshold: 2 })).toThrow(AppError);
    expect(resolveParameters(doc, { cyberThreshold: 2 })).toMatchObject({ ok: false, problems: [{ path: '/parameters/cyberThreshold' }] });
    expect(resolveParameters(doc, { cyberThreshold: 'high' })).toMatchObject({ ok: false, problems: [{ path: '/parameters/cyberThreshold' }] });
    expect(resolveParameters(doc, { nope: 1 })).toMatchObject({
      ok: false,
      problems: [{ path: '/parameters/nope', message: 'unknown parameter of us-eo14409-proxy' }],
    });
    expect(resolveParameters(doc, { cyberThreshold: Number.NaN }).ok).toBe(false);
  });
});

describe('a rule set added as data', () => {
  const base: RuleSetDocument = {
    id: 'ny-raise-frontier-model',
    version: '2027-01-01',
    title: 'New York RAISE Act (amended): frontier model',
    regime: 'ny_raise',
    status: 'proposed',
    source: { citation: 'N.Y. A9449 / S8828 (2026)', url: 'https://example.org/raise' },
    parameters: { computeFlop: { default: 1e26, min: 0 } },
    rule: {
      any: [
        { fact: 'trainingCompute.total', op: 'gt', value: { param: 'computeFlop' } },
        {
          all: [
            { fact: 'parameters', op: 'gte', value: 1e12 },
            { fact: 'trainingTokens', op: 'lt', value: 1e9 },
            { fact: 'evaluations.cybench.unguided', op: 'lte', value: 0.1 },
          ],
        },
        { fact: 'trainingCompute.other', op: 'eq', value: 42 },
      ],
    },
  };

  it('is compiled and evaluated without code', () => {
    const raise = compileRuleSet(base);
    expect(raise.evaluate({ trainingCompute: { pretraining: 2e26 } })).toEqual({
      ruleSet: 'ny-raise-frontier-model',
      version: '2027-01-01',
      outcome: 'covered',
      reasons: ['cumulative training compute 2e26 FLOP > 1e26 FLOP (parameter computeFlop)'],
    });
    expect(
      raise.evaluate({ trainingCompute: { pretraining: 1 }, parameters: 2e12, trainingTokens: 5e8, evaluations: { 'cybench.unguided': 0.05 } }).outcome,
    ).toBe('covered');
    expect(raise.evaluate({ trainingCompute: { pretraining: 1, other: 42 } }).outcome).toBe('covered');
    expect(raise.evaluate({ trainingCompute: { pretraining: 1 }, parameters: 1e9 }).outcome).toBe('not_covered');
    expect(raise.evaluate({ trainingCompute: { pretraining: 1 }, parameters: 2e12 }).outcome).toBe('insufficient_evidence');
  });

  const broken: Array<[string, unknown, string[]]> = [
    ['not an object', [], ['']],
    ['missing fields', {}, ['/id', '/version', '/title', '/regime', '/status', '/source', '/rule']],
    ['an unknown fact path', { ...base, rule: { fact: 'trainingCompute.sum', op: 'gt', value: 1 } }, ['/rule/fact']],
    ['an unknown operator', { ...base, rule: { fact: 'parameters', op: 'ge', value: 1 } }, ['/rule/op']],
    ['a parameter used but not declared', { ...base, rule: { fact: 'parameters', op: 'gt', value: { param: 'size' } } }, ['/rule/value/param']],
    ['a boolean compared with gt', { ...base, rule: { fact: 'capabilities.reasoning', op: 'gt', value: true } }, ['/rule/op']],
    ['a number fact compared with a boolean', { ...base, rule: { fact: 'parameters', op: 'eq', value: true } }, ['/rule/value']],
    ['no value', { ...base, rule: { fact: 'parameters', op: 'eq' } }, ['/rule/value']],
    ['an empty any', { ...base, rule: { any: [] } }, ['/rule/any']],
    ['a nested bad node', { ...base, rule: { all: [{ fact: 'parameters', op: 'gt', value: 1 }, 'x'] } }, ['/rule/all/1']],
    ['an unknown field', { ...base, colour: 'red', rule: { fact: 'parameters', op: 'gt', value: 1, extra: 1 } }, ['/colour', '/rule/extra']],
    ['a bad id, version and status', { ...base, id: 'Not A Slug', version: 'v 1', status: 'repealed' }, ['/id', '/version', '/status']],
    ['a bad source', { ...base, source: { citation: '', url: 'http://x' } }, ['/source/citation', '/source/url']],
    ['a bad clock', { ...base, clock: { days: 1.5 }, rebuttable: 'yes' }, ['/clock/days', '/clock/from', '/rebuttable']],
    [
      'a bad parameter',
      { ...base, parameters: { computeFlop: { min: 0 }, '2x': { default: 5, max: 1, description: 3 } }, rule: { fact: 'parameters', op: 'gt', value: 1 } },
      ['/parameters/computeFlop/default', '/parameters/2x', '/parameters/2x/default', '/parameters/2x/description'],
    ],
    ['a rule that is not an object', { ...base, rule: 5 }, ['/rule']],
  ];
  it.each(broken)('is refused with every bad field named: %s', (_name, doc, paths) => {
    const parsed = validateRuleSet(doc);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => p.path).sort()).toEqual([...paths].sort());
    expect(() => compileRuleSet(doc)).toThrow(AppError);
  });

  it('is refused when it nests too deep or is too large', () => {
    let deep: unknown = { fact: 'parameters', op: 'gt', value: 1 };
    for (let i = 0; i < 20; i++) deep = { all: [deep] };
    expect(validateRuleSet({ ...base, rule: deep })).toMatchObject({ ok: false, problems: [{ message: expect.stringContaining('nest') }] });
    const wide = { any: Array.from({ length: 300 }, () => ({ fact: 'parameters', op: 'gt', value: 1 })) };
    const parsed = validateRuleSet({ ...base, rule: wide });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems).toHaveLength(1);
  });
});

describe('fact sets', () => {
  it('take every field as optional and ignore unknown top-level ones', () => {
    expect(parseFactSet({})).toEqual({ ok: true, facts: {} });
    expect(parseFactSet({ id: 'x', name: 'ignored', bioSequenceDataShare: null, trainingCompute: null })).toEqual({ ok: true, facts: { id: 'x' } });
    const full = parseFactSet({
      parameters: 0,
      trainingTokens: 1e13,
      capabilities: { reasoning: false, autonomousToolUse: null },
      evaluations: { cyber: 0.1, gone: null },
    });
    expect(full.ok && full.facts).toEqual({ parameters: 0, trainingTokens: 1e13, capabilities: { reasoning: false }, evaluations: { cyber: 0.1 } });
  });

  it('report every problem with its JSON path', () => {
    expect(parseFactSet('x')).toEqual({ ok: false, problems: [{ path: '', message: expect.any(String) }] });
    expect(parseFactSet(null).ok).toBe(false);
    const bad = parseFactSet({
      id: true,
      trainingCompute: { pretraining: -1, fineTuning: '1e25', 'pre/training': 1 },
      bioSequenceDataShare: 1.5,
      parameters: -3,
      trainingTokens: Number.POSITIVE_INFINITY,
      capabilities: { reasoning: 'yes' },
      evaluations: { cyber: '0.6', 'a~b': true },
      developerAnnualRevenueUsd: '8e8',
    });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.problems.map((p) => p.path)).toEqual([
      '/id',
      '/trainingCompute/pre~1training',
      '/trainingCompute/pretraining',
      '/trainingCompute/fineTuning',
      '/bioSequenceDataShare',
      '/parameters',
      '/trainingTokens',
      '/developerAnnualRevenueUsd',
      '/capabilities/reasoning',
      '/evaluations/cyber',
      '/evaluations/a~0b',
    ]);
    const shapes = parseFactSet({ trainingCompute: [1], capabilities: true, evaluations: [0.5], bioSequenceDataShare: '0.5' });
    expect(shapes.ok || shapes.problems.map((p) => p.path)).toEqual(['/trainingCompute', '/bioSequenceDataShare', '/capabilities', '/evaluations']);
    expect(parseFactSet({ bioSequenceDataShare: -0.1 }).ok).toBe(false);
    expect(parseFactSet({ bioSequenceDataShare: 1 }).ok).toBe(true);
  });

  it('read evaluation scores by name, never from the prototype', () => {
    const def = factDefinition('evaluations.constructor')!;
    expect(def.read({ evaluations: {} })).toBeUndefined();
    expect(def.read({})).toBeUndefined();
    expect(factDefinition('evaluations.')).toBeUndefined();
    expect(factDefinition('nope')).toBeUndefined();
  });
});

describe('numbers in reasons', () => {
  it('print as written, exactly near a threshold', () => {
    expect(formatNumber(1.33e25)).toBe('1.33e25');
    expect(formatNumber(8e8)).toBe('8e8');
    expect(formatNumber(0.02)).toBe('0.02');
    expect(formatNumber(999_999)).toBe('999999');
    expect(formatDecimal(sumDecimals([toDecimal(1e25), toDecimal(1)]))).toBe('1.0000000000000000000000001e25');
    expect(formatDecimal(sumDecimals([toDecimal(0.1), toDecimal(0.2)]))).toBe('0.3');
    expect(formatDecimal(toDecimal(1.5e-9))).toBe('1.5e-9');
    expect(formatDecimal(toDecimal(120))).toBe('120');
    expect(formatDecimal(toDecimal(-2.5))).toBe('-2.5');
    expect(formatDecimal(toDecimal(0.000123))).toBe('0.000123');
    expect(formatDecimal(sumDecimals([]))).toBe('0');
    expect(compareDecimals(sumDecimals([toDecimal(0.1), toDecimal(0.2)]), toDecimal(0.3))).toBe(0);
    expect(compareDecimals(toDecimal(1e25), toDecimal(9.99e24))).toBe(1);
    expect(compareDecimals(toDecimal(2), toDecimal(3))).toBe(-1);
  });
});
