import { Card, Group, Text, Title } from '@mantine/core';
import { DateTime } from '../../../components/DateTime';
import { StateBadge } from '../../../components/StateBadge';
import { useDesignation } from './registryApi';

const OUTCOMES: Record<string, { label: string; colour: string }> = {
  under_review: { label: 'under review', colour: 'blue' },
  designated: { label: 'designated', colour: 'orange' },
  not_designated: { label: 'not designated', colour: 'teal' },
  deferred: { label: 'evidence asked for', colour: 'yellow' },
};

/**
 * What the developer may know of designation: the outcome, when, and the rationale only as far
 * as the authority's decision lets it see (full, a summary, or nothing). The review is classified.
 */
export function DesignationCard({ versionId }: { versionId: string }) {
  const designation = useDesignation(versionId);
  // 404: no inquiry or review has touched this version yet.
  if (designation.isPending || designation.isError) return null;
  const d = designation.data;
  const o = OUTCOMES[d.outcome] ?? { label: d.outcome, colour: 'gray' };
  return (
    <Card withBorder mb="md" data-testid="designation-outcome">
      <Group justify="space-between" mb="xs">
        <Title order={3}>Designation</Title>
        <StateBadge colour={o.colour}>{o.label}</StateBadge>
      </Group>
      {d.decidedAt && (
        <Text size="sm" mb="xs">
          Decided <DateTime value={d.decidedAt} />
        </Text>
      )}
      {d.rationale ? (
        <Text size="sm" data-testid="designation-rationale">
          {d.rationale}
        </Text>
      ) : (
        d.outcome !== 'under_review' && (
          <Text size="sm" c="dimmed">
            The authority did not share its rationale.
          </Text>
        )
      )}
      {d.outcome === 'designated' && (
        <Text size="sm" c="dimmed" mt="xs">
          A designated model is asked, voluntarily, to give government access before release. Plan it from this page; AISC records it and sends reminders.
        </Text>
      )}
    </Card>
  );
}
