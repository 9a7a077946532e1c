import type { FactSet } from '../src/domain/frontier/facts';
import { parseFactSet } from '../src/domain/frontier/facts';
import { evaluateFactSet } from '../src/domain/frontier/rule-engine';
import { compileBuiltInRuleSets } from '../src/domain/frontier/rule-sets/index';
import { opsPerSecond, type BenchResult, type BenchSuite } from './harness';

const MODELS = 100_000;

/** A deterministic pseudo-random sequence (the same inputs every run). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Fact sets spread around every threshold (1e23, 1e25, 1e26, bio 0.5, $500M, cyber 0.5), some facts missing. */
export function factSetsForBench(): FactSet[] {
  const r = lcg(11);
  const maybe = <T>(p: number, v: () => T): T | undefined => (r() < p ? v() : undefined);
  return Array.from({ length: MODELS }, (_, i): FactSet => {
    const scale = 10 ** (22 + r() * 5);
    return {
      id: `m${i}`,
      trainingCompute:
        r() < 0.9
          ? {
              pretraining: scale,
              fineTuning: maybe(0.7, () => scale * r() * 0.1),
              reinforcementLearning: maybe(0.5, () => scale * r() * 0.1),
              other: maybe(0.2, () => 0),
            }
          : undefined,
      bioSequenceDataShare: maybe(0.8, () => r()),
      parameters: maybe(0.8, () => 10 ** (9 + r() * 4)),
      capabilities: maybe(0.9, () => ({ reasoning: r() < 0.6, autonomousToolUse: maybe(0.9, () => r() < 0.5) })),
      evaluations: maybe(0.8, () => ({ cyber: r() })),
      developerAnnualRevenueUsd: maybe(0.7, () => 10 ** (7 + r() * 3)),
    };
  });
}

type Outcome = 'covered' | 'not_covered' | 'insufficient_evidence';

// Three-valued helpers for the baseline, at module level (no closures per call).
type K = boolean | undefined;
const k = (v: K): Outcome => (v === undefined ? 'insufficient_evidence' : v ? 'covered' : 'not_covered');
const and2 = (a: K, b: K): K => (a === false || b === false ? false : a === undefined || b === undefined ? undefined : true);
const or2 = (a: K, b: K): K => (a === true || b === true ? true : a === undefined || b === undefined ? undefined : false);
const gt = (v: number | undefined, t: number): K => (v === undefined ? undefined : v > t);

/** The baseline: the same five thresholds written inline by hand (outcomes only, no reasons, no data). */
function inline(f: FactSet): Outcome[] {
  const tc = f.trainingCompute;
  const has =
    tc !== undefined && (tc.pretraining !== undefined || tc.fineTuning !== undefined || tc.reinforcementLearning !== undefined || tc.other !== undefined);
  const total = has ? (tc.pretraining ?? 0) + (tc.fineTuning ?? 0) + (tc.reinforcementLearning ?? 0) + (tc.other ?? 0) : undefined;
  const cyber = f.evaluations?.cyber;
  return [
    k(gt(total, 1e25)),
    k(gt(total, 1e26)),
    k(and2(gt(total, 1e26), gt(f.developerAnnualRevenueUsd, 5e8))),
    k(or2(gt(total, 1e26), and2(gt(total, 1e23), gt(f.bioSequenceDataShare, 0.5)))),
    k(and2(and2(f.capabilities?.reasoning, f.capabilities?.autonomousToolUse), cyber === undefined ? undefined : cyber >= 0.5)),
  ];
}

/** Frontier coverage rules (issue 11): the data-driven engine with reasons, against inline checks. */
export const suite: BenchSuite = {
  name: 'Frontier coverage rules (issue 11)',
  async run(): Promise<BenchResult[]> {
    const facts = factSetsForBench();
    const compiled = compileBuiltInRuleSets();
    let sink = 0;
    // Also per CPU-second: on a shared machine the wall-clock rate mostly measures the neighbours.
    const cpuBefore = process.cpuUsage();
    let rounds = 0;
    const ours = opsPerSecond(
      () => {
        for (const f of facts) sink += evaluateFactSet(f, compiled).length;
        rounds++;
      },
      3000,
      MODELS,
    );
    const cpu = process.cpuUsage(cpuBefore);
    const perCpuSecond = (rounds * MODELS) / ((cpu.user + cpu.system) / 1e6);
    const base = opsPerSecond(
      () => {
        for (const f of facts) sink += inline(f).length;
      },
      3000,
      MODELS,
    );
    // Both must agree (checked after timing, so the check does not shape what the JIT sees).
    let disagreements = 0;
    for (const f of facts) {
      const a = evaluateFactSet(f, compiled).map((x) => x.outcome);
      const b = inline(f);
      if (a.some((o, i) => o !== b[i])) disagreements++;
    }
    if (disagreements > 0) throw new Error(`the engine and the inline checks disagree on ${disagreements} fact sets`);
    const lines = facts.slice(0, 20_000).map((f) => JSON.stringify(f));
    const ndjson = opsPerSecond(
      () => {
        for (const l of lines) {
          const p = parseFactSet(JSON.parse(l));
          if (p.ok) sink += evaluateFactSet(p.facts, compiled).length;
        }
      },
      2000,
      lines.length,
    );
    return [
      {
        name: `rule evaluation, all ${compiled.length} rule sets with reasons (${MODELS.toLocaleString('en-US')} generated fact sets)`,
        value: ours,
        unit: 'models/s',
        baseline: { name: 'the same thresholds hand-written inline (outcomes only)', value: base },
        goal: '≥ 200,000 models/s',
        met: ours >= 200_000,
        notes: `${Math.round(perCpuSecond).toLocaleString('en-US')} models per CPU-second (warm-up included); outcomes identical to the inline checks on every fact set (${sink > 0 ? 'checked' : 'none'}); ours also builds every reason string`,
      },
      { name: 'NDJSON line: JSON.parse + parseFactSet + evaluate (the CLI path)', value: ndjson, unit: 'models/s' },
    ];
  },
};
