import type { FieldProblem } from '../errors';
import { factDefinition } from './facts';

/**
 * A rule set as versioned data (ADR 0080): the five that ship (`rule-sets/*.json`) and any version
 * an admin adds through the API are the same kind of document, checked by `validateRuleSet`.
 */
export interface RuleSetDocument {
  /** A stable slug, e.g. `eu-ai-act-gpai-systemic-risk`. */
  readonly id: string;
  /** The version the results keep, e.g. `2025-08-02`. */
  readonly version: string;
  readonly title: string;
  /** The legal regime, e.g. `eu_ai_act`, `ca_sb53`, `us_eo14110`, `us_eo14409`. */
  readonly regime: string;
  readonly status: RuleSetStatus;
  readonly source: { readonly citation: string; readonly url?: string };
  /** A note shown with every result (e.g. why a revoked rule set is kept). */
  readonly note?: string;
  /** Values an authority may set per deployment (e.g. the proxy's cyber threshold), with defaults. */
  readonly parameters?: Readonly<Record<string, RuleSetParameter>>;
  /** A notification clock the outcome starts (EU AI Act Art. 52(1): two weeks). */
  readonly clock?: { readonly days: number; readonly from: string };
  /** Whether the provider may rebut a `covered` presumption (EU AI Act Art. 52(2)). */
  readonly rebuttable?: boolean;
  readonly rule: RuleExpression;
}

export const RULE_SET_STATUSES = ['in_force', 'revoked', 'triage_aid', 'proposed'] as const;
export type RuleSetStatus = (typeof RULE_SET_STATUSES)[number];

export const COMPARISON_OPS = ['gt', 'gte', 'lt', 'lte', 'eq'] as const;
export type ComparisonOp = (typeof COMPARISON_OPS)[number];

export interface RuleSetParameter {
  readonly default: number | boolean;
  readonly description?: string;
  readonly min?: number;
  readonly max?: number;
}

/** A literal or a named parameter of the rule set. */
export type RuleValue = number | boolean | { readonly param: string };

/** A comparison of one fact with a value; `cite` names the provision (`Art. 51(2)`). */
export interface FactComparison {
  readonly fact: string;
  readonly op: ComparisonOp;
  readonly value: RuleValue;
  readonly cite?: string;
}

export type RuleExpression = { readonly all: readonly RuleExpression[] } | { readonly any: readonly RuleExpression[] } | FactComparison;

export type RuleSetParse = { readonly ok: true; readonly ruleSet: RuleSetDocument } | { readonly ok: false; readonly problems: readonly FieldProblem[] };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;
const VERSION = /^[A-Za-z0-9][A-Za-z0-9._:+-]{0,63}$/;
const NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const TOP_KEYS = ['id', 'version', 'title', 'regime', 'status', 'source', 'note', 'parameters', 'clock', 'rebuttable', 'rule'];
const MAX_DEPTH = 16;
const MAX_NODES = 256;

function text(doc: Record<string, unknown>, key: string, problems: FieldProblem[], required: boolean, max = 500): void {
  const v = doc[key];
  if (v === undefined) {
    if (required) problems.push({ path: `/${key}`, message: 'is required' });
  } else if (typeof v !== 'string' || v.trim() === '') problems.push({ path: `/${key}`, message: 'must be a non-empty string' });
  else if (v.length > max) problems.push({ path: `/${key}`, message: `must be at most ${max} characters` });
}

function unknownKeys(obj: Record<string, unknown>, known: readonly string[], path: string, problems: FieldProblem[]): void {
  for (const key of Object.keys(obj))
    if (!known.includes(key)) problems.push({ path: `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, message: 'unknown field' });
}

/**
 * Checks a rule-set document and reports every problem with its JSON Pointer: unknown fields,
 * an unknown fact path or operator, a value of the wrong kind for its fact, a parameter that is
 * used but not declared, a malformed clock.
 */
export function validateRuleSet(doc: unknown): RuleSetParse {
  const problems: FieldProblem[] = [];
  if (!isObject(doc)) return { ok: false, problems: [{ path: '', message: 'must be a JSON object (a rule-set document)' }] };
  unknownKeys(doc, TOP_KEYS, '', problems);
  text(doc, 'id', problems, true, 100);
  if (typeof doc.id === 'string' && doc.id !== '' && !SLUG.test(doc.id))
    problems.push({ path: '/id', message: 'must be a slug: lower-case letters, digits and hyphens' });
  text(doc, 'version', problems, true, 64);
  if (typeof doc.version === 'string' && doc.version !== '' && !VERSION.test(doc.version))
    problems.push({ path: '/version', message: 'must be letters, digits and . _ : + - (e.g. 2025-08-02)' });
  text(doc, 'title', problems, true);
  text(doc, 'regime', problems, true, 100);
  text(doc, 'note', problems, false, 2000);
  if (doc.status === undefined) problems.push({ path: '/status', message: 'is required' });
  else if (!(RULE_SET_STATUSES as readonly unknown[]).includes(doc.status))
    problems.push({ path: '/status', message: `must be one of ${RULE_SET_STATUSES.join(', ')}` });
  if (doc.source === undefined) problems.push({ path: '/source', message: 'is required (the legal citation)' });
  else if (!isObject(doc.source)) problems.push({ path: '/source', message: 'must be an object with a citation' });
  else {
    unknownKeys(doc.source, ['citation', 'url'], '/source', problems);
    if (typeof doc.source.citation !== 'string' || doc.source.citation.trim() === '')
      problems.push({ path: '/source/citation', message: 'must be a non-empty string' });
    if (doc.source.url !== undefined && (typeof doc.source.url !== 'string' || !/^https:\/\/\S+$/.test(doc.source.url)))
      problems.push({ path: '/source/url', message: 'must be an https URL' });
  }
  if (doc.rebuttable !== undefined && typeof doc.rebuttable !== 'boolean') problems.push({ path: '/rebuttable', message: 'must be true or false' });
  if (doc.clock !== undefined) {
    if (!isObject(doc.clock)) problems.push({ path: '/clock', message: 'must be an object {days, from}' });
    else {
      unknownKeys(doc.clock, ['days', 'from'], '/clock', problems);
      const days = doc.clock.days;
      if (typeof days !== 'number' || !Number.isInteger(days) || days <= 0)
        problems.push({ path: '/clock/days', message: 'must be a positive whole number of days' });
      if (typeof doc.clock.from !== 'string' || doc.clock.from.trim() === '')
        problems.push({ path: '/clock/from', message: 'must name the event the clock starts from' });
    }
  }
  const params = new Map<string, number | boolean>();
  if (doc.parameters !== undefined) {
    if (!isObject(doc.parameters)) problems.push({ path: '/parameters', message: 'must be an object of name → {default, description}' });
    else
      for (const [name, p] of Object.entries(doc.parameters)) {
        const path = `/parameters/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
        if (!NAME.test(name)) problems.push({ path, message: 'a parameter name must be letters, digits and _ (starting with a letter)' });
        if (!isObject(p)) {
          problems.push({ path, message: 'must be an object {default, description, min, max}' });
          continue;
        }
        unknownKeys(p, ['default', 'description', 'min', 'max'], path, problems);
        const d = p.default;
        if (typeof d === 'boolean' || (typeof d === 'number' && Number.isFinite(d))) params.set(name, d);
        else problems.push({ path: `${path}/default`, message: 'is required: a number or a boolean' });
        if (p.description !== undefined && typeof p.description !== 'string') problems.push({ path: `${path}/description`, message: 'must be a string' });
        for (const bound of ['min', 'max'] as const) {
          const b = p[bound];
          if (b === undefined) continue;
          if (typeof b !== 'number' || !Number.isFinite(b)) problems.push({ path: `${path}/${bound}`, message: 'must be a number' });
          else if (typeof d === 'number' && (bound === 'min' ? d < b : d > b))
            problems.push({ path: `${path}/default`, message: `must be ${bound === 'min' ? '≥' : '≤'} ${bound} (${b})` });
        }
      }
  }
  if (doc.rule === undefined) problems.push({ path: '/rule', message: 'is required (the rule expression)' });
  else {
    const counter = { nodes: 0 };
    expression(doc.rule, '/rule', params, problems, 0, counter);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, ruleSet: doc as unknown as RuleSetDocument };
}

function expression(
  node: unknown,
  path: string,
  params: Map<string, number | boolean>,
  problems: FieldProblem[],
  depth: number,
  counter: { nodes: number },
): void {
  if (++counter.nodes > MAX_NODES) {
    if (counter.nodes === MAX_NODES + 1) problems.push({ path, message: `a rule may have at most ${MAX_NODES} nodes` });
    return;
  }
  if (depth > MAX_DEPTH) {
    problems.push({ path, message: `a rule may nest at most ${MAX_DEPTH} levels` });
    return;
  }
  if (!isObject(node)) {
    problems.push({ path, message: 'must be an object: {all: […]}, {any: […]} or {fact, op, value}' });
    return;
  }
  for (const combinator of ['all', 'any'] as const) {
    if (!(combinator in node)) continue;
    unknownKeys(node, [combinator], path, problems);
    const children = node[combinator];
    if (!Array.isArray(children) || children.length === 0)
      problems.push({ path: `${path}/${combinator}`, message: 'must be a non-empty array of rule expressions' });
    else for (const [i, c] of children.entries()) expression(c, `${path}/${combinator}/${i}`, params, problems, depth + 1, counter);
    return;
  }
  unknownKeys(node, ['fact', 'op', 'value', 'cite'], path, problems);
  const def = typeof node.fact === 'string' ? factDefinition(node.fact) : undefined;
  if (typeof node.fact !== 'string') problems.push({ path: `${path}/fact`, message: 'is required: a fact path such as trainingCompute.total' });
  else if (!def) problems.push({ path: `${path}/fact`, message: `unknown fact path "${node.fact}"` });
  const op = node.op;
  if (!(COMPARISON_OPS as readonly unknown[]).includes(op))
    problems.push({ path: `${path}/op`, message: `unknown operator; known: ${COMPARISON_OPS.join(', ')}` });
  else if (def?.kind === 'boolean' && op !== 'eq') problems.push({ path: `${path}/op`, message: `${def.path} is true or false: only eq applies` });
  if (node.cite !== undefined && typeof node.cite !== 'string') problems.push({ path: `${path}/cite`, message: 'must be a string' });
  const v = node.value;
  let kind: 'number' | 'boolean' | undefined;
  if (typeof v === 'number' && Number.isFinite(v)) kind = 'number';
  else if (typeof v === 'boolean') kind = 'boolean';
  else if (isObject(v) && typeof v.param === 'string' && Object.keys(v).length === 1) {
    const p = params.get(v.param);
    if (p === undefined) problems.push({ path: `${path}/value/param`, message: `parameter "${v.param}" is not declared in /parameters` });
    else kind = typeof p === 'boolean' ? 'boolean' : 'number';
  } else problems.push({ path: `${path}/value`, message: 'is required: a number, a boolean or {"param": name}' });
  if (def && kind && def.kind !== kind) problems.push({ path: `${path}/value`, message: `must be a ${def.kind} to compare with ${def.path}` });
}

/**
 * The parameter values a rule set is compiled with: its defaults, overridden by an authority's
 * settings. Reports an unknown name, a value of the wrong kind or outside the declared bounds.
 */
export function resolveParameters(
  doc: RuleSetDocument,
  overrides: Readonly<Record<string, unknown>> = {},
): { ok: true; values: ReadonlyMap<string, number | boolean> } | { ok: false; problems: readonly FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const values = new Map<string, number | boolean>();
  const declared = doc.parameters ?? {};
  for (const [name, p] of Object.entries(declared)) values.set(name, p.default);
  for (const [name, v] of Object.entries(overrides)) {
    const p = Object.hasOwn(declared, name) ? declared[name] : undefined;
    const path = `/parameters/${name}`;
    if (!p) problems.push({ path, message: `unknown parameter of ${doc.id}` });
    else if (typeof v !== typeof p.default || (typeof v === 'number' && !Number.isFinite(v)))
      problems.push({ path, message: `must be a ${typeof p.default === 'boolean' ? 'boolean' : 'number'}` });
    else if (typeof v === 'number' && ((p.min !== undefined && v < p.min) || (p.max !== undefined && v > p.max)))
      problems.push({ path, message: `must be between ${p.min ?? '-∞'} and ${p.max ?? '∞'}` });
    else values.set(name, v as number | boolean);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, values };
}
