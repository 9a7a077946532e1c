import { invalid } from '../../errors';
import { compileRuleSet, type CompiledRuleSet } from '../rule-engine';
import { validateRuleSet, type RuleSetDocument } from '../rule-set';
import caSb53FrontierModel from './ca-sb53-frontier-model.json' with { type: 'json' };
import caSb53LargeFrontierDeveloper from './ca-sb53-large-frontier-developer.json' with { type: 'json' };
import euAiActGpaiSystemicRisk from './eu-ai-act-gpai-systemic-risk.json' with { type: 'json' };
import usEo14110DualUse from './us-eo14110-dual-use.json' with { type: 'json' };
import usEo14409Proxy from './us-eo14409-proxy.json' with { type: 'json' };

function checked(doc: unknown): RuleSetDocument {
  const parsed = validateRuleSet(doc);
  if (!parsed.ok) throw new Error(`a shipped rule set is invalid: ${JSON.stringify(parsed.problems)}`);
  return parsed.ruleSet;
}

/**
 * The rule sets AISC ships (issue 11), in the order results are shown. They are data, checked
 * by the same validator as a version an admin adds (ADR 0080).
 */
export const BUILT_IN_RULE_SETS: readonly RuleSetDocument[] = [
  euAiActGpaiSystemicRisk,
  caSb53FrontierModel,
  caSb53LargeFrontierDeveloper,
  usEo14110DualUse,
  usEo14409Proxy,
].map(checked);

export const BUILT_IN_RULE_SET_IDS: readonly string[] = BUILT_IN_RULE_SETS.map((r) => r.id);

/** The shipped rule set with this id, or undefined. */
export function builtInRuleSet(id: string): RuleSetDocument | undefined {
  return BUILT_IN_RULE_SETS.find((r) => r.id === id);
}

/**
 * The shipped rule sets compiled (all of them, or the given ids in the given order). An unknown
 * id is a VALIDATION error that lists the known ones.
 */
export function compileBuiltInRuleSets(
  ids?: readonly string[],
  parameters: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {},
): CompiledRuleSet[] {
  const wanted = ids && ids.length > 0 ? ids : BUILT_IN_RULE_SET_IDS;
  const unknown = wanted.filter((id) => !builtInRuleSet(id));
  if (unknown.length > 0)
    throw invalid(
      unknown.map((id) => ({ path: '/ruleSet', message: `unknown rule set "${id}"` })),
      `unknown rule set ${unknown.map((id) => `"${id}"`).join(', ')}; known: ${BUILT_IN_RULE_SET_IDS.join(', ')}`,
    );
  return wanted.map((id) => compileRuleSet(builtInRuleSet(id), parameters[id] ?? {}));
}
