import { describe, expect, it } from 'vitest';
import { parseFactSet } from '../../src/domain/frontier/facts';
import { FACT_SPECS } from '../../src/domain/frontier/registry';
import { checkpointHashProblems, closesCycle, currentFacts, factSetOf, releasePlanProblems } from '../../src/domain/frontier/registry-checks';

const at = (iso: string) => new Date(iso);

describe('frontier registry checks', () => {
  it('accepts a sha256 checkpoint hash and names a bad one', () => {
    expect(checkpointHashProblems(`sha256:${'0a'.repeat(32)}`)).toEqual([]);
    for (const bad of [
      '',
      'sha256:',
      `sha256:${'A'.repeat(64)}`,
      `sha256:${'a'.repeat(63)}`,
      `sha256:${'a'.repeat(65)}`,
      `md5:${'a'.repeat(64)}`,
      'a'.repeat(64),
    ]) {
      expect(checkpointHashProblems(bad, '/checkpoints/2/hash'), bad).toEqual([{ path: '/checkpoints/2/hash', message: expect.any(String) }]);
    }
  });

  it('wants the trusted-partner release no later than the general one', () => {
    expect(releasePlanProblems({})).toEqual([]);
    expect(releasePlanProblems({ plannedTrustedPartnerRelease: at('2026-09-01T00:00:00Z') })).toEqual([]);
    expect(releasePlanProblems({ plannedTrustedPartnerRelease: at('2026-09-20T00:00:00Z'), plannedGeneralRelease: at('2026-09-20T00:00:00Z') })).toEqual([]);
    expect(releasePlanProblems({ plannedTrustedPartnerRelease: at('2026-09-21T00:00:00Z'), plannedGeneralRelease: at('2026-09-20T00:00:00Z') })).toEqual([
      { path: '/plannedTrustedPartnerRelease', message: expect.any(String) },
    ]);
  });

  it('sees a cycle in a self-edge and in an edge to an ancestor, none otherwise', () => {
    expect(closesCycle('a', 'a', [])).toBe(true);
    expect(closesCycle('a', 'b', ['c', 'a'])).toBe(true);
    expect(closesCycle('a', 'b', ['c', 'd'])).toBe(false);
    expect(closesCycle('a', 'b', new Set<string>())).toBe(false);
  });

  it('takes the newest declaration of each key as current; a later one wins a tie', () => {
    const facts = [
      { key: 'parameters', value: 1, recordedAt: at('2026-01-01T00:00:00Z'), n: 1 },
      { key: 'parameters', value: 3, recordedAt: at('2026-03-01T00:00:00Z'), n: 2 },
      { key: 'parameters', value: 2, recordedAt: at('2026-02-01T00:00:00Z'), n: 3 },
      { key: 'capabilities.reasoning', value: false, recordedAt: at('2026-01-01T00:00:00Z'), n: 4 },
      { key: 'capabilities.reasoning', value: true, recordedAt: at('2026-01-01T00:00:00Z'), n: 5 },
    ];
    expect(currentFacts(facts).map((f) => f.n)).toEqual([5, 2]);
    expect(currentFacts([])).toEqual([]);
  });

  it('builds the engine fact set from current facts, which the engine accepts as it is', () => {
    const set = factSetOf([
      { key: 'trainingCompute.pretraining', value: 1.2e25 },
      { key: 'trainingCompute.fineTuning', value: 3e23 },
      { key: 'capabilities.reasoning', value: true },
      { key: 'evaluations.cyber', value: 0.62 },
      { key: 'developerAnnualRevenueUsd', value: 8e8 },
    ]);
    expect(set).toEqual({
      trainingCompute: { pretraining: 1.2e25, fineTuning: 3e23 },
      capabilities: { reasoning: true },
      evaluations: { cyber: 0.62 },
      developerAnnualRevenueUsd: 8e8,
    });
    expect(factSetOf([])).toEqual({});
    // Every key of the registry's vocabulary maps to a field the engine reads.
    const all = factSetOf(Object.entries(FACT_SPECS).map(([key, s]) => ({ key, value: s.kind === 'boolean' ? true : 0.5 })));
    const parsed = parseFactSet(all);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.facts).toEqual(all);
  });
});
