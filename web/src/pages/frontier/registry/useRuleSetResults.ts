import type { RuleSetResultView } from '../RuleSetResults';
import { useEvaluation, useRuleSets } from './registryApi';

/**
 * What every rule set says about a version, newest result per rule set, named by the rule set's
 * title and status (a revoked one is kept for reference).
 */
export function useRuleSetResults(versionId: string, enabled = true) {
  const evaluation = useEvaluation(versionId, enabled && versionId !== '');
  const ruleSets = useRuleSets();
  const byId = new Map((ruleSets.data?.items ?? []).filter((r) => r.current).map((r) => [r.id, r]));
  const results: RuleSetResultView[] | undefined = evaluation.data?.latest.map((e) => ({
    ruleSet: e.ruleSet,
    version: e.ruleSetVersion,
    outcome: e.outcome,
    reasons: e.reasons,
    title: byId.get(e.ruleSet)?.title ?? null,
    status: byId.get(e.ruleSet)?.status ?? null,
  }));
  return { results, error: evaluation.error };
}
