import { describe, expect, it } from 'vitest';
import { feeds, notificationClock, type TimedFact } from '../../src/domain/frontier/notification-clock';
import { BUILT_IN_RULE_SETS } from '../../src/domain/frontier/rule-sets/index';
import type { RuleSetDocument } from '../../src/domain/frontier/rule-set';

const eu = BUILT_IN_RULE_SETS.find((r) => r.id === 'eu-ai-act-gpai-systemic-risk')!;
const fact = (key: string, value: number | boolean, recordedAt: string, asOf: string | null = null): TimedFact => ({
  key,
  value,
  recordedAt: new Date(recordedAt),
  asOf: asOf ? new Date(asOf) : null,
});

describe('the notification clock of a covered result', () => {
  it('starts when the facts that made it covered held (asOf, else recordedAt) and runs 14 days for the EU rule set', () => {
    // One phase over 1e25 on its own: its asOf, even though it was recorded later.
    const clock = notificationClock(eu, 'covered', [
      fact('trainingCompute.pretraining', 2e25, '2026-10-05T09:00:00Z', '2026-09-01T00:00:00Z'),
      fact('trainingCompute.fineTuning', 1e24, '2026-09-20T12:00:00Z'),
      // Not read by the EU rule: an earlier date does not start the clock.
      fact('parameters', 4e11, '2026-01-01T00:00:00Z', '2025-01-01T00:00:00Z'),
    ]);
    expect(clock).toEqual({ days: 14, from: '2026-09-01T00:00:00.000Z', dueAt: '2026-09-15T00:00:00.000Z' });
  });

  it('for the sum of the phases, starts when the phase that took the total over 1e25 held (strictly greater)', () => {
    const phases = [
      fact('trainingCompute.pretraining', 6e24, '2026-09-01T00:00:00Z'),
      fact('trainingCompute.fineTuning', 4e24, '2026-09-10T00:00:00Z'),
      fact('trainingCompute.reinforcementLearning', 1e23, '2026-09-20T12:00:00Z'),
      fact('trainingCompute.other', 5e24, '2026-09-30T00:00:00Z'),
    ];
    // 6e24 + 4e24 = 1e25 is not over the threshold; the RL phase takes it over.
    expect(notificationClock(eu, 'covered', phases)).toEqual({ days: 14, from: '2026-09-20T12:00:00.000Z', dueAt: '2026-10-04T12:00:00.000Z' });
    // The order is the order the facts held, not the order given.
    expect(notificationClock(eu, 'covered', [...phases].reverse())?.from).toBe('2026-09-20T12:00:00.000Z');
  });

  it('is absent unless covered, with a clock and facts that show it', () => {
    const facts = [fact('trainingCompute.pretraining', 3e25, '2026-10-05T09:00:00Z')];
    expect(notificationClock(eu, 'covered', facts)?.from).toBe('2026-10-05T09:00:00.000Z');
    expect(notificationClock(eu, 'not_covered', facts)).toBeNull();
    expect(notificationClock(eu, 'insufficient_evidence', facts)).toBeNull();
    expect(notificationClock({ rule: eu.rule }, 'covered', facts)).toBeNull();
    expect(notificationClock(eu, 'covered', [])).toBeNull();
    expect(notificationClock(eu, 'covered', [fact('trainingCompute.pretraining', 1e25, '2026-10-05T09:00:00Z')])).toBeNull();
    expect(notificationClock(eu, 'covered', [fact('parameters', 4e11, '2026-10-05T09:00:00Z')])).toBeNull();
    // A fact whose date is unusable is skipped, not turned into NaN.
    expect(notificationClock(eu, 'covered', [{ key: 'trainingCompute.other', value: 3e25, asOf: new Date('nope'), recordedAt: new Date('nope') }])).toBeNull();
  });

  it('all waits for its last part, any takes its earliest part that holds; parameters as compiled, else their defaults', () => {
    const doc: Pick<RuleSetDocument, 'clock' | 'rule' | 'parameters'> = {
      clock: { days: 3, from: 'x' },
      parameters: { cyber: { default: 0.5 } },
      rule: {
        all: [
          { fact: 'parameters', op: 'gte', value: 100 },
          {
            any: [
              { fact: 'evaluations.cyber', op: 'gte', value: { param: 'cyber' } },
              { fact: 'capabilities.reasoning', op: 'eq', value: true },
            ],
          },
        ],
      },
    };
    const facts = [
      fact('evaluations.cyber', 0.6, '2026-03-01T00:00:00Z'),
      fact('capabilities.reasoning', true, '2026-03-03T00:00:00Z'),
      fact('parameters', 100, '2026-03-02T00:00:00Z'),
    ];
    expect(notificationClock(doc, 'covered', facts)).toEqual({ days: 3, from: '2026-03-02T00:00:00.000Z', dueAt: '2026-03-05T00:00:00.000Z' });
    // With the threshold raised, the cyber part no longer holds: the reasoning part (later) does.
    expect(notificationClock(doc, 'covered', facts, new Map([['cyber', 0.7]]))?.from).toBe('2026-03-03T00:00:00.000Z');
    // A part that never holds: no clock.
    expect(notificationClock(doc, 'covered', facts.slice(0, 2))).toBeNull();
    expect(notificationClock({ ...doc, rule: { fact: 'evaluations.cyber', op: 'lt', value: { param: 'unknown' } } }, 'covered', facts)).toBeNull();
    for (const [op, v, ok] of [
      ['gt', 0.6, false],
      ['lte', 0.6, true],
      ['lt', 0.7, true],
      ['eq', 0.6, true],
    ] as const)
      expect(notificationClock({ ...doc, rule: { fact: 'evaluations.cyber', op, value: v } }, 'covered', facts) !== null).toBe(ok);
    // A boolean fact compared by size never holds.
    expect(notificationClock({ ...doc, rule: { fact: 'capabilities.reasoning', op: 'gt', value: 0 } }, 'covered', facts)).toBeNull();
    expect(feeds('trainingCompute.reinforcementLearning', 'trainingCompute.total')).toBe(true);
    expect(feeds('trainingCompute.pretraining', 'parameters')).toBe(false);
  });
});
