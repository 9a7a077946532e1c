import { Card, Group, List, SimpleGrid, Text } from '@mantine/core';
import { StateBadge } from '../../components/StateBadge';

/** What one rule set says about a version's declared facts (the rule engine's RuleSetResult). */
export interface RuleSetResultView {
  ruleSet: string;
  version: string;
  outcome: string;
  reasons: string[];
  /** The rule set's title and whether it is in force (revoked ones are kept for reference). */
  title?: string | null;
  status?: string | null;
}

const OUTCOMES: Record<string, { label: string; colour: string }> = {
  covered: { label: 'covered', colour: 'orange' },
  not_covered: { label: 'not covered', colour: 'teal' },
  insufficient_evidence: { label: 'insufficient evidence', colour: 'gray' },
};

/**
 * "Is my model covered?": every transparent rule set side by side, each with its outcome and the
 * rule, threshold and fact behind it. Only a cleared analyst designates; these results propose.
 */
export function RuleSetResults({ results }: { results: RuleSetResultView[] }) {
  if (results.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        No rule-set results yet: declare facts to see what each rule set says.
      </Text>
    );
  }
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" data-testid="rule-set-results">
      {results.map((r) => {
        const o = OUTCOMES[r.outcome] ?? { label: r.outcome, colour: 'gray' };
        return (
          <Card key={r.ruleSet} withBorder padding="sm" data-rule-set={r.ruleSet} data-outcome={r.outcome}>
            <Group mb={4}>
              <StateBadge colour={o.colour}>{o.label}</StateBadge>
            </Group>
            <Text fw={600} size="sm">
              {r.title || r.ruleSet}
            </Text>
            <Text size="xs" c="dimmed" mb={4}>
              {r.ruleSet} · version {r.version}
              {r.status && r.status !== 'in_force' ? ` · ${r.status.replace(/_/g, ' ')}` : ''}
            </Text>
            <List size="xs" spacing={2}>
              {r.reasons.map((reason) => (
                <List.Item key={reason}>{reason}</List.Item>
              ))}
            </List>
          </Card>
        );
      })}
    </SimpleGrid>
  );
}
