import type { FieldProblem } from '../errors';

/**
 * The facts a rule set is evaluated on: one model (version) as the developer declared it — the
 * NDJSON line of `aisc frontier evaluate` (issue 11, "Exact contracts") and what the registry
 * derives from a model's current facts. Every field is optional: a rule that needs a missing fact
 * answers `insufficient_evidence`.
 */
export interface FactSet {
  /** The caller's name for the model (echoed in the output). */
  readonly id?: string | number;
  /** Training compute per phase, in FLOP (SB 53 and the EU AI Act count every phase). */
  readonly trainingCompute?: TrainingCompute;
  /** Share of biological-sequence data in the training data, 0–1 (EO 14110 §4.2(b)). */
  readonly bioSequenceDataShare?: number;
  readonly parameters?: number;
  readonly trainingTokens?: number;
  readonly capabilities?: { readonly reasoning?: boolean; readonly autonomousToolUse?: boolean };
  /** Evaluation scores by benchmark name (e.g. `cyber` → 0.62). */
  readonly evaluations?: Readonly<Record<string, number>>;
  /** The developer's annual gross revenue of the prior year, in US dollars (SB 53 §22757.11). */
  readonly developerAnnualRevenueUsd?: number;
}

export const TRAINING_PHASES = ['pretraining', 'fineTuning', 'reinforcementLearning', 'other'] as const;
export type TrainingPhase = (typeof TRAINING_PHASES)[number];
export type TrainingCompute = Readonly<Partial<Record<TrainingPhase, number>>>;

/** What a fact path denotes: its kind (for the rule-set validator), a label and unit (for reasons). */
export interface FactDefinition {
  readonly path: string;
  readonly kind: 'number' | 'boolean';
  readonly label: string;
  readonly unit: string;
  /** How it is read from a fact set: `undefined` when the fact is missing. */
  readonly read: (facts: FactSet) => number | boolean | undefined;
  /** The phases summed, for `trainingCompute.total` (compared exactly near a threshold). */
  readonly sumOfPhases?: boolean;
}

const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
const bool = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined);

/** Whether at least one phase of training compute is given. */
export function hasAnyPhase(tc: TrainingCompute | undefined): tc is TrainingCompute {
  if (tc === undefined || tc === null || typeof tc !== 'object') return false;
  return (
    typeof tc.pretraining === 'number' || typeof tc.fineTuning === 'number' || typeof tc.reinforcementLearning === 'number' || typeof tc.other === 'number'
  );
}

/**
 * Cumulative training compute over all phases. A missing phase counts as 0 only when at least one
 * phase is given (issue 11); with none given the total is missing.
 */
export function totalTrainingCompute(facts: FactSet): number | undefined {
  const tc = facts.trainingCompute;
  if (!hasAnyPhase(tc)) return undefined;
  return (num(tc.pretraining) ?? 0) + (num(tc.fineTuning) ?? 0) + (num(tc.reinforcementLearning) ?? 0) + (num(tc.other) ?? 0);
}

const phaseLabel: Record<TrainingPhase, string> = {
  pretraining: 'pre-training compute',
  fineTuning: 'fine-tuning compute',
  reinforcementLearning: 'reinforcement-learning compute',
  other: 'other training compute',
};

/** Every fact path a rule may compare, besides `evaluations.<name>`. */
export const FACT_DEFINITIONS: readonly FactDefinition[] = [
  { path: 'trainingCompute.total', kind: 'number', label: 'cumulative training compute', unit: 'FLOP', read: totalTrainingCompute, sumOfPhases: true },
  ...TRAINING_PHASES.map(
    (phase): FactDefinition => ({
      path: `trainingCompute.${phase}`,
      kind: 'number',
      label: phaseLabel[phase],
      unit: 'FLOP',
      read: (f) => (hasAnyPhase(f.trainingCompute) ? (num(f.trainingCompute[phase]) ?? 0) : undefined),
    }),
  ),
  { path: 'bioSequenceDataShare', kind: 'number', label: 'share of biological-sequence training data', unit: '', read: (f) => num(f.bioSequenceDataShare) },
  { path: 'parameters', kind: 'number', label: 'parameters', unit: '', read: (f) => num(f.parameters) },
  { path: 'trainingTokens', kind: 'number', label: 'training tokens', unit: '', read: (f) => num(f.trainingTokens) },
  {
    path: 'developerAnnualRevenueUsd',
    kind: 'number',
    label: "developer's prior-year annual revenue",
    unit: 'USD',
    read: (f) => num(f.developerAnnualRevenueUsd),
  },
  { path: 'capabilities.reasoning', kind: 'boolean', label: 'reasoning', unit: '', read: (f) => bool(f.capabilities?.reasoning) },
  { path: 'capabilities.autonomousToolUse', kind: 'boolean', label: 'autonomous tool use', unit: '', read: (f) => bool(f.capabilities?.autonomousToolUse) },
];

const BY_PATH = new Map(FACT_DEFINITIONS.map((d) => [d.path, d]));
const EVALUATION_PREFIX = 'evaluations.';

/** The definition of a fact path (`evaluations.<name>` for any name), or undefined when unknown. */
export function factDefinition(path: string): FactDefinition | undefined {
  const known = BY_PATH.get(path);
  if (known) return known;
  if (path.startsWith(EVALUATION_PREFIX) && path.length > EVALUATION_PREFIX.length) {
    const name = path.slice(EVALUATION_PREFIX.length);
    return {
      path,
      kind: 'number',
      label: `evaluation "${name}" score`,
      unit: '',
      read: (f) => {
        const e = f.evaluations;
        return e !== undefined && e !== null && Object.hasOwn(e, name) ? num(e[name]) : undefined;
      },
    };
  }
  return undefined;
}

/** A fact set, or every problem of the input with its JSON Pointer (RFC 6901). */
export type FactSetParse = { readonly ok: true; readonly facts: FactSet } | { readonly ok: false; readonly problems: readonly FieldProblem[] };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const pointer = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Parses one fact set (a decoded JSON value). Wrong types, negative or non-finite quantities, a
 * share outside 0–1 and an unknown training phase (a typo would silently count as 0) are errors;
 * `null` counts as absent; other unknown top-level fields are ignored.
 */
export function parseFactSet(value: unknown): FactSetParse {
  const problems: FieldProblem[] = [];
  if (!isObject(value)) return { ok: false, problems: [{ path: '', message: 'must be a JSON object (one fact set per line)' }] };
  const out: { -readonly [K in keyof FactSet]: FactSet[K] } = {};
  const quantity = (v: unknown, path: string, unit: string): number | undefined => {
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'number' || !Number.isFinite(v)) problems.push({ path, message: `must be a number${unit ? ` (${unit})` : ''}` });
    else if (v < 0) problems.push({ path, message: `must not be negative (got ${v})` });
    else return v;
    return undefined;
  };
  if (value.id !== undefined && value.id !== null) {
    if (typeof value.id === 'string' || (typeof value.id === 'number' && Number.isFinite(value.id))) out.id = value.id;
    else problems.push({ path: '/id', message: 'must be a string (or a number)' });
  }
  const tc = value.trainingCompute;
  if (tc !== undefined && tc !== null) {
    if (!isObject(tc))
      problems.push({ path: '/trainingCompute', message: 'must be an object of FLOP per phase (pretraining, fineTuning, reinforcementLearning, other)' });
    else {
      const phases: Partial<Record<TrainingPhase, number>> = {};
      for (const key of Object.keys(tc)) {
        if (!(TRAINING_PHASES as readonly string[]).includes(key))
          problems.push({ path: `/trainingCompute/${pointer(key)}`, message: `unknown training phase; known: ${TRAINING_PHASES.join(', ')}` });
      }
      for (const phase of TRAINING_PHASES) {
        const v = quantity(tc[phase], `/trainingCompute/${phase}`, 'FLOP');
        if (v !== undefined) phases[phase] = v;
      }
      out.trainingCompute = phases;
    }
  }
  const share = value.bioSequenceDataShare;
  if (share !== undefined && share !== null) {
    if (typeof share !== 'number' || !Number.isFinite(share)) problems.push({ path: '/bioSequenceDataShare', message: 'must be a number (a share, 0–1)' });
    else if (share < 0 || share > 1) problems.push({ path: '/bioSequenceDataShare', message: `must be a share between 0 and 1 (got ${share})` });
    else out.bioSequenceDataShare = share;
  }
  const parameters = quantity(value.parameters, '/parameters', '');
  if (parameters !== undefined) out.parameters = parameters;
  const tokens = quantity(value.trainingTokens, '/trainingTokens', '');
  if (tokens !== undefined) out.trainingTokens = tokens;
  const revenue = quantity(value.developerAnnualRevenueUsd, '/developerAnnualRevenueUsd', 'USD');
  if (revenue !== undefined) out.developerAnnualRevenueUsd = revenue;
  const caps = value.capabilities;
  if (caps !== undefined && caps !== null) {
    if (!isObject(caps)) problems.push({ path: '/capabilities', message: 'must be an object (reasoning, autonomousToolUse: booleans)' });
    else {
      const c: { reasoning?: boolean; autonomousToolUse?: boolean } = {};
      for (const key of ['reasoning', 'autonomousToolUse'] as const) {
        const v = caps[key];
        if (v === undefined || v === null) continue;
        if (typeof v === 'boolean') c[key] = v;
        else problems.push({ path: `/capabilities/${key}`, message: 'must be true or false' });
      }
      out.capabilities = c;
    }
  }
  const evals = value.evaluations;
  if (evals !== undefined && evals !== null) {
    if (!isObject(evals)) problems.push({ path: '/evaluations', message: 'must be an object of benchmark name → score' });
    else {
      const e: Record<string, number> = Object.create(null);
      for (const [name, v] of Object.entries(evals)) {
        if (v === null) continue;
        if (typeof v !== 'number' || !Number.isFinite(v)) problems.push({ path: `/evaluations/${pointer(name)}`, message: 'must be a number (the score)' });
        else e[name] = v;
      }
      out.evaluations = e;
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, facts: out };
}
