import type { CoverageOutcome } from './rule-engine';
import type { FactComparison, RuleExpression, RuleSetDocument, RuleValue } from './rule-set';

/**
 * A notification clock on a `covered` result (EU AI Act Art. 52(1): the provider notifies the
 * Commission within two weeks of the day the threshold was met or known to be met). Information
 * for the developer and the authority, never a gate: nothing waits on it.
 */
export interface NotificationClock {
  /** The rule set's period, in days. */
  readonly days: number;
  /** When the facts that made the result `covered` first held (each fact's `asOf`, else when it was recorded). */
  readonly from: string;
  /** `from` plus `days` whole days (24 h each, UTC). */
  readonly dueAt: string;
}

/** A current fact of the version as the clock needs it: its stored key, its value and when it held. */
export interface TimedFact {
  /** The registry's key, e.g. `trainingCompute.pretraining`. */
  readonly key: string;
  readonly value: number | boolean;
  readonly asOf: Date | null;
  readonly recordedAt: Date;
}

const DAY_MS = 86_400_000;
const TOTAL = 'trainingCompute.total';

/** Whether the stored fact `key` feeds the rule's fact `path` (`trainingCompute.total` is the sum of the phases). */
export const feeds = (key: string, path: string): boolean => key === path || (path === TOTAL && key.startsWith('trainingCompute.'));

const timeOf = (f: TimedFact): number => (f.asOf ?? f.recordedAt).getTime();

function holds(op: FactComparison['op'], a: number | boolean, b: number | boolean): boolean {
  if (op === 'eq') return a === b;
  if (typeof a !== 'number' || typeof b !== 'number') return false;
  return op === 'gt' ? a > b : op === 'gte' ? a >= b : op === 'lt' ? a < b : a <= b;
}

/**
 * When `e` became true, reading the facts in the order they held: a comparison of one fact, that
 * fact's time; of the training-compute total, the time the running sum of the phases (oldest
 * first) first satisfied it; `all`, the latest of its parts; `any`, the earliest part that holds.
 * Null when it does not hold on these facts.
 */
function metAt(e: RuleExpression, facts: readonly TimedFact[], value: (v: RuleValue) => number | boolean | undefined): number | null {
  if ('all' in e) {
    let latest: number | null = null;
    for (const c of e.all) {
      const t = metAt(c, facts, value);
      if (t === null) return null;
      if (latest === null || t > latest) latest = t;
    }
    return latest;
  }
  if ('any' in e) {
    let earliest: number | null = null;
    for (const c of e.any) {
      const t = metAt(c, facts, value);
      if (t !== null && (earliest === null || t < earliest)) earliest = t;
    }
    return earliest;
  }
  const v = value(e.value);
  if (v === undefined) return null;
  const fed = facts.filter((f) => feeds(f.key, e.fact) && Number.isFinite(timeOf(f))).sort((a, b) => timeOf(a) - timeOf(b));
  if (e.fact !== TOTAL) {
    const f = fed.find((x) => x.key === e.fact);
    return f && holds(e.op, f.value, v) ? timeOf(f) : null;
  }
  let sum = 0;
  for (const f of fed) {
    if (typeof f.value !== 'number') continue;
    sum += f.value;
    if (holds(e.op, sum, v)) return timeOf(f);
  }
  return null;
}

/**
 * The clock of one result: null unless the outcome is `covered` and the rule set has a clock.
 * `from` is when the facts that made it covered first held (each fact's `asOf`, else when it was
 * recorded): for a comparison of one fact, that fact's time; for the sum of the training phases,
 * the time of the phase that took the total over the threshold (the phases taken oldest first);
 * `all` waits for its last part, `any` takes its earliest part that holds. Null when the facts
 * given do not show it (no fact behind the result, or a parameter changed since).
 */
export function notificationClock(
  document: Pick<RuleSetDocument, 'clock' | 'rule' | 'parameters'>,
  outcome: CoverageOutcome,
  facts: readonly TimedFact[],
  parameters: ReadonlyMap<string, number | boolean> = new Map(),
): NotificationClock | null {
  if (outcome !== 'covered' || !document.clock) return null;
  const value = (v: RuleValue) => (typeof v === 'object' ? (parameters.get(v.param) ?? document.parameters?.[v.param]?.default) : v);
  const from = metAt(document.rule, facts, value);
  if (from === null) return null;
  return { days: document.clock.days, from: new Date(from).toISOString(), dueAt: new Date(from + document.clock.days * DAY_MS).toISOString() };
}
