import { Button, Card, Group, Modal, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { DateTime } from '../../../components/DateTime';
import { StateBadge } from '../../../components/StateBadge';
import { DesignationResponseForm } from './DesignationResponseForm';
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
 * The developer can rebut a decision or send the evidence a deferral asked for.
 */
export function DesignationCard({ versionId }: { versionId: string }) {
  const designation = useDesignation(versionId);
  const [responding, setResponding] = useState<'rebuttal' | 'evidence' | null>(null);
  // 404: no inquiry or review has touched this version yet.
  if (designation.isPending || designation.isError) return null;
  const d = designation.data;
  const o = OUTCOMES[d.outcome] ?? { label: d.outcome, colour: 'gray' };
  const response = d.outcome === 'deferred' ? 'evidence' : d.outcome === 'designated' || d.outcome === 'not_designated' ? 'rebuttal' : null;
  return (
    <Card withBorder mb="md" data-testid="designation-outcome">
      <Group justify="space-between" mb="xs">
        <Title order={3}>Designation</Title>
        <Group gap="xs">
          {response && (
            <Button size="xs" variant="light" onClick={() => setResponding(response)}>
              {response === 'rebuttal' ? 'Rebut the decision' : 'Send evidence'}
            </Button>
          )}
          <StateBadge colour={o.colour}>{o.label}</StateBadge>
        </Group>
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
      <Modal
        opened={responding !== null}
        onClose={() => setResponding(null)}
        title={responding === 'rebuttal' ? 'Rebut the decision' : 'Send evidence'}
        size="lg"
      >
        {responding && <DesignationResponseForm versionId={versionId} kind={responding} onDone={() => setResponding(null)} />}
      </Modal>
    </Card>
  );
}
