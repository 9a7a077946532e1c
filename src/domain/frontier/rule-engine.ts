import { invalid } from '../errors';
import { compareDecimals, formatDecimal, sumDecimals, toDecimal, type Decimal } from './decimal';
import { factDefinition, TRAINING_PHASES, type FactDefinition, type FactSet } from './facts';
import { resolveParameters, validateRuleSet, type ComparisonOp, type FactComparison, type RuleExpression, type RuleSetDocument } from './rule-set';

/** What one rule set says about one fact set (issue 11, "Exact contracts"). */
export type CoverageOutcome = 'covered' | 'not_covered' | 'insufficient_evidence';
export const COVERAGE_OUTCOMES: readonly CoverageOutcome[] = ['covered', 'not_covered', 'insufficient_evidence'];

export interface RuleSetResult {
  readonly ruleSet: string;
  readonly version: string;
  readonly outcome: CoverageOutcome;
  /** The rule, threshold and fact value behind the outcome, or the missing facts. */
  readonly reasons: string[];
}

/** A rule set compiled once (validated, parameters bound, the tree turned into closures). */
export interface CompiledRuleSet {
  readonly id: string;
  readonly version: string;
  readonly document: RuleSetDocument;
  /** The parameter values it was compiled with (defaults, overridden by the authority's). */
  readonly parameters: ReadonlyMap<string, number | boolean>;
  evaluate(facts: FactSet): RuleSetResult;
}

// Kleene's strong three-valued logic: a comparison on a missing fact is unknown.
const FALSE = 0;
const TRUE = 1;
const UNKNOWN = 2;
type Truth = typeof FALSE | typeof TRUE | typeof UNKNOWN;

interface Node {
  test(facts: FactSet): Truth;
  /** Appends the reasons behind `truth` (what `test` answered): only the children that decide it. */
  explain(facts: FactSet, out: string[], truth: Truth): void;
}

const SYMBOL: Record<ComparisonOp, string> = { gt: '>', gte: '>=', lt: '<', lte: '<=', eq: '=' };

/** A number in the reasons' notation: `1.33e25`, `8e8`, `0.02`. */
export function formatNumber(n: number): string {
  if (Math.abs(n) < 1e6) return String(n);
  const text = n.toExponential();
  const e = text.indexOf('e+');
  return e < 0 ? text : text.slice(0, e + 1) + text.slice(e + 2);
}

/** A float sum for display: rounded to 15 significant digits so float noise does not show. */
function formatSum(n: number): string {
  if (Math.abs(n) < 1e6) return String(Number(n.toPrecision(15)));
  // d.dddddddddddddde+X → trailing zeros of the mantissa and the + dropped.
  const text = n.toExponential(14);
  const e = text.indexOf('e');
  let end = e;
  while (text.charCodeAt(end - 1) === 48) end--;
  if (text.charCodeAt(end - 1) === 46) end--;
  return text.slice(0, end) + (text.charCodeAt(e + 1) === 43 ? `e${text.slice(e + 2)}` : text.slice(e));
}

/**
 * One formatter per fact path, remembering its last value: the rule sets of one evaluation read
 * the same facts (training compute up to five times), and formatting a number costs more than
 * the comparison. Formatting is a pure function of the value, so the memo cannot go stale.
 */
const FORMATTERS = new Map<string, (v: number) => string>();
function formatterFor(path: string, format: (v: number) => string): (v: number) => string {
  let f = FORMATTERS.get(path);
  if (!f) {
    let last = Number.NaN;
    let text = '';
    f = (v) => {
      if (v !== last) {
        text = format(v);
        last = v;
      }
      return text;
    };
    // Evaluation names are open-ended: keep the memo bounded.
    if (FORMATTERS.size < 1024) FORMATTERS.set(path, f);
  }
  return f;
}

function numberTest(op: ComparisonOp, t: number): (v: number) => boolean {
  switch (op) {
    case 'gt':
      return (v) => v > t;
    case 'gte':
      return (v) => v >= t;
    case 'lt':
      return (v) => v < t;
    case 'lte':
      return (v) => v <= t;
    case 'eq':
      return (v) => v === t;
  }
}

const holds = (op: ComparisonOp, c: -1 | 0 | 1): boolean =>
  op === 'gt' ? c > 0 : op === 'gte' ? c >= 0 : op === 'lt' ? c < 0 : op === 'lte' ? c <= 0 : c === 0;

/** The exact decimal sum of the given phases (shortest decimals, as written in JSON). */
function exactPhaseSum(facts: FactSet): Decimal {
  const tc = facts.trainingCompute ?? {};
  const parts: Decimal[] = [];
  for (const phase of TRAINING_PHASES) {
    const v = tc[phase];
    if (typeof v === 'number' && v !== 0) parts.push(toDecimal(v));
  }
  return sumDecimals(parts);
}

function comparison(node: FactComparison, def: FactDefinition, params: ReadonlyMap<string, number | boolean>): Node {
  const fromParam = typeof node.value === 'object' ? node.value.param : undefined;
  const threshold = (fromParam === undefined ? node.value : params.get(fromParam)) as number | boolean;
  const op = node.op;
  const symbol = SYMBOL[op];
  const unit = def.unit ? ` ${def.unit}` : '';
  const tail = [fromParam === undefined ? '' : `parameter ${fromParam}`, node.cite ?? ''].filter(Boolean).join('; ');
  const suffix = tail ? ` (${tail})` : '';
  const missing = def.sumOfPhases ? `missing fact: trainingCompute (no training phase given)` : `missing fact: ${def.path}`;
  const read = def.read;

  if (typeof threshold === 'boolean') {
    return {
      test: (f) => {
        const v = read(f);
        return v === undefined ? UNKNOWN : v === threshold ? TRUE : FALSE;
      },
      explain: (f, out, t) => {
        const v = read(f);
        if (v === undefined) out.push(missing);
        else out.push(t === TRUE ? `${def.label} is ${v}${suffix}` : `${def.label} is ${v}, not ${threshold}${suffix}`);
      },
    };
  }
  const cmp = numberTest(op, threshold);
  // Reasons are prefix + value + one of two tails, all but the value built here once.
  const thresholdText = `${formatNumber(threshold)}${unit}${suffix}`;
  const prefix = `${def.label} `;
  const holdsText = `${unit} ${symbol} ${thresholdText}`;
  const failsText = `${unit} is not ${symbol} ${thresholdText}`;
  const shown = formatterFor(def.path, def.sumOfPhases ? formatSum : formatNumber);
  if (def.sumOfPhases) {
    // A sum of phases is compared exactly when it lies within float noise of the threshold.
    const exactThreshold = toDecimal(threshold);
    const band = Math.abs(threshold) * 1e-12;
    const near = (v: number): boolean => Math.abs(v - threshold) <= band;
    const decide = (f: FactSet, v: number): boolean => (near(v) ? holds(op, compareDecimals(exactPhaseSum(f), exactThreshold)) : cmp(v));
    return {
      test: (f) => {
        const v = read(f) as number | undefined;
        return v === undefined ? UNKNOWN : decide(f, v) ? TRUE : FALSE;
      },
      explain: (f, out, t) => {
        const v = read(f) as number | undefined;
        if (v === undefined) out.push(missing);
        else out.push(prefix + (near(v) ? formatDecimal(exactPhaseSum(f)) : shown(v)) + (t === TRUE ? holdsText : failsText));
      },
    };
  }
  return {
    test: (f) => {
      const v = read(f) as number | undefined;
      return v === undefined ? UNKNOWN : cmp(v) ? TRUE : FALSE;
    },
    explain: (f, out, t) => {
      const v = read(f) as number | undefined;
      if (v === undefined) out.push(missing);
      else out.push(prefix + shown(v) + (t === TRUE ? holdsText : failsText));
    },
  };
}

function combinator(kind: 'all' | 'any', children: Node[]): Node {
  // all: false if any child is false, else unknown if any is unknown, else true; any: the dual.
  const decisive: Truth = kind === 'all' ? FALSE : TRUE;
  const otherwise: Truth = kind === 'all' ? TRUE : FALSE;
  const n = children.length;
  const test = (f: FactSet): Truth => {
    let unknown = false;
    for (let i = 0; i < n; i++) {
      const t = children[i]!.test(f);
      if (t === decisive) return decisive;
      if (t === UNKNOWN) unknown = true;
    }
    return unknown ? UNKNOWN : otherwise;
  };
  return {
    test,
    explain: (f, out, result) => {
      // Decided: the children that decide it. Unknown: every child (what is missing and what is known).
      for (let i = 0; i < n; i++) {
        const child = children[i]!;
        const t = child.test(f);
        if (result === UNKNOWN || result === otherwise || t === decisive) child.explain(f, out, t);
      }
    },
  };
}

function compile(expr: RuleExpression, params: ReadonlyMap<string, number | boolean>): Node {
  if ('all' in expr)
    return combinator(
      'all',
      expr.all.map((e) => compile(e, params)),
    );
  if ('any' in expr)
    return combinator(
      'any',
      expr.any.map((e) => compile(e, params)),
    );
  // validateRuleSet has checked the path.
  return comparison(expr, factDefinition(expr.fact)!, params);
}

/**
 * Validates a rule-set document (the shipped ones or one an admin adds) and compiles it once into
 * closures. `parameters` overrides declared defaults (e.g. an authority's cyber threshold).
 * Throws a VALIDATION AppError naming every bad field.
 */
export function compileRuleSet(doc: unknown, parameters: Readonly<Record<string, unknown>> = {}): CompiledRuleSet {
  const parsed = validateRuleSet(doc);
  if (!parsed.ok) throw invalid(parsed.problems, 'The rule set is not valid');
  const document = parsed.ruleSet;
  const resolved = resolveParameters(document, parameters);
  if (!resolved.ok) throw invalid(resolved.problems, `The parameters of rule set ${document.id} are not valid`);
  const root = compile(document.rule, resolved.values);
  const { id, version } = document;
  const whenCovered: string[] = [];
  if (document.clock)
    whenCovered.push(
      `notification clock: ${document.clock.days} days from ${document.clock.from}${document.rebuttable ? '; the presumption is rebuttable' : ''}`,
    );
  else if (document.rebuttable) whenCovered.push('the presumption is rebuttable');
  const always = document.note ? [document.note] : [];
  return {
    id,
    version,
    document,
    parameters: resolved.values,
    evaluate(facts: FactSet): RuleSetResult {
      const truth = root.test(facts);
      return {
        ruleSet: id,
        version,
        outcome: truth === TRUE ? 'covered' : truth === FALSE ? 'not_covered' : 'insufficient_evidence',
        reasons: explainResult(root, facts, truth, whenCovered, always),
      };
    },
  };
}

function explainResult(root: Node, facts: FactSet, truth: Truth, whenCovered: readonly string[], always: readonly string[]): string[] {
  const out: string[] = [];
  root.explain(facts, out, truth);
  // The same fact may be explained twice (EO 14110 reads training compute in two branches).
  for (let i = out.length - 1; i > 0; i--) if (out.indexOf(out[i]!) < i) out.splice(i, 1);
  if (truth === TRUE) for (let i = 0; i < whenCovered.length; i++) out.push(whenCovered[i]!);
  for (let i = 0; i < always.length; i++) out.push(always[i]!);
  return out;
}

/** What every given rule set says about one fact set, in the given order. */
export function evaluateFactSet(facts: FactSet, compiled: readonly CompiledRuleSet[]): RuleSetResult[] {
  const results: RuleSetResult[] = new Array(compiled.length);
  for (let i = 0; i < compiled.length; i++) results[i] = compiled[i]!.evaluate(facts);
  return results;
}
