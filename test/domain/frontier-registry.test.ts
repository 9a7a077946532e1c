import { describe, expect, it } from 'vitest';
import { FACT_SPECS, factProblems, factSpec } from '../../src/domain/frontier/registry';

describe('frontier facts: key, unit and value', () => {
  it('knows every fixed key and any evaluations.<benchmark>', () => {
    expect(factSpec('trainingCompute.pretraining')?.unit).toBe('FLOP');
    expect(factSpec('evaluations.cybench')?.kind).toBe('score');
    expect(factSpec('evaluations.')).toBeNull();
    expect(factSpec('trainingCompute')).toBeNull();
    expect(factSpec('flops')).toBeNull();
  });

  it('accepts each spec with its unit and a value of its kind', () => {
    for (const [key, spec] of Object.entries(FACT_SPECS)) {
      const value = spec.kind === 'boolean' ? true : spec.kind === 'quantity' ? 1e25 : 0.5;
      expect(factProblems({ key, value, unit: spec.unit }), key).toEqual([]);
    }
  });

  it('names the field of every problem', () => {
    expect(factProblems({ key: 'nope', value: 1, unit: 'FLOP' })).toEqual([{ path: '/key', message: expect.stringContaining('unknown fact') }]);
    expect(factProblems({ key: 'parameters', value: -1, unit: 'FLOP' }, '/facts/0')).toEqual([
      { path: '/facts/0/unit', message: 'parameters is recorded in parameters' },
      { path: '/facts/0/value', message: 'must not be negative' },
    ]);
    expect(factProblems({ key: 'bioSequenceDataShare', value: 1.01, unit: 'ratio' })).toEqual([{ path: '/value', message: 'must be between 0 and 1' }]);
    expect(factProblems({ key: 'evaluations.cyber', value: Number.NaN, unit: 'score' })).toEqual([{ path: '/value', message: 'must be a finite number' }]);
    expect(factProblems({ key: 'capabilities.reasoning', value: 1, unit: 'boolean' })).toEqual([{ path: '/value', message: 'must be true or false' }]);
    expect(factProblems({ key: 'parameters', value: 1e9, unit: 'parameters', confidence: 2 })).toEqual([
      { path: '/confidence', message: 'must be between 0 and 1' },
    ]);
    expect(factProblems({ key: 'parameters', value: 0, unit: 'parameters', confidence: 0 })).toEqual([]);
  });
});
