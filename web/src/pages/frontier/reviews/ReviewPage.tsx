import { Alert, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { describeError } from '../../../api/problem';
import { notifyError } from '../../../api/useFieldErrors';
import { DataTable } from '../../../components/DataTable';
import { DateTime } from '../../../components/DateTime';
import { PageHeader } from '../../../components/PageHeader';
import { RuleSetResults } from '../RuleSetResults';
import { useRuleSetResults } from '../registry/useRuleSetResults';
import { VersionName } from '../registry/VersionName';
import { DecisionForm } from './DecisionForm';
import { ReviewAccessForm } from './ReviewAccessForm';
import { ReviewStateBadge } from './ReviewStateBadge';
import { type Review, reviewCalls, reviewKey, useReview } from './reviewApi';

/** The events recorded with an authority decision (the form); every other allowed event is a button. */
const DECISIONS = new Set<string>(['designate', 'not_designate', 'defer']);
type MoveEvent = Exclude<Review['allowedEvents'][number], 'designate' | 'not_designate' | 'defer'>;
const MOVE_LABELS: Record<string, string> = {
  start_review: 'Start the review',
  evidence_received: 'Evidence received',
  request_rebuttal: 'Record a rebuttal request',
  review_rebuttal: 'Rebuttal reviewed',
  reassess: 'Reassess',
};

/** One classified designation review: what opened it, the rule sets' proposal, its history, and the decision form. */
export function ReviewPage() {
  const { reviewId = '' } = useParams();
  const review = useReview(reviewId);
  const evaluation = useRuleSetResults(review.data?.versionId ?? '', !!review.data);
  const queryClient = useQueryClient();
  const move = useMutation({
    mutationFn: (event: MoveEvent) => reviewCalls.transition(reviewId, { event }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: [reviewKey] }),
    onError: (e) => notifyError(e),
  });
  if (review.isPending) return <Text>Loading…</Text>;
  if (review.isError) return <Alert color="red">{describeError(review.error)}</Alert>;
  const r = review.data;
  const moves = r.allowedEvents.filter((e): e is MoveEvent => !DECISIONS.has(e));
  const decidable = r.allowedEvents.some((e) => DECISIONS.has(e));
  return (
    <>
      <PageHeader
        title="Designation review"
        description={`Classified ${r.classification.replace(/_/g, ' ').toLowerCase()}. The developer sees only the outcome, and the rationale as far as the decision allows.`}
      />
      <Group mb="md">
        <ReviewStateBadge state={r.state} />
        <Text size="sm">
          Model version <VersionName id={r.versionId} />
        </Text>
        <Text size="sm">Opened by {r.trigger.replace(/_/g, ' ')}</Text>
        <DateTime value={r.createdAt} />
        {moves.map((event) => (
          <Button key={event} size="xs" variant="light" loading={move.isPending && move.variables === event} onClick={() => move.mutate(event)}>
            {MOVE_LABELS[event] ?? event}
          </Button>
        ))}
      </Group>
      {r.detail && (
        <Text size="sm" mb="md">
          What opened it: {r.detail}
        </Text>
      )}
      <Card withBorder mb="md">
        <Title order={3} mb="sm">
          What the rule sets propose
        </Title>
        {evaluation.results ? <RuleSetResults results={evaluation.results} /> : <Text c="dimmed">No evaluation yet.</Text>}
      </Card>
      {r.decision && (
        <Card withBorder mb="md">
          <Title order={3} mb="sm">
            Standing decision
          </Title>
          <Stack gap={4}>
            <Text size="sm">
              Decided <DateTime value={r.decision.decidedAt} />
            </Text>
            <Text size="sm">Basis: {r.decision.basis}</Text>
            <Text size="sm">Rationale: {r.decision.rationale}</Text>
            <Text size="sm">Summary for the developer: {r.decision.rationaleSummary ?? '—'}</Text>
            <Text size="sm">Developer sees: {r.decision.rationaleVisibility}</Text>
          </Stack>
        </Card>
      )}
      {decidable && (
        <Card withBorder mb="md">
          <Title order={3} mb="sm">
            Authority decision
          </Title>
          <DecisionForm reviewId={r.id} />
        </Card>
      )}
      <Card withBorder mb="md">
        <Title order={3} mb="sm">
          Access list
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          Only the users named here who hold the clearance see this review; for everyone else it does not exist.
        </Text>
        <ReviewAccessForm review={r} />
      </Card>
      <Card withBorder mb="md">
        <Title order={3} mb="sm">
          History
        </Title>
        <DataTable label="Review history" columns={['When', 'Event', 'From', 'To', 'By']} minWidth={700}>
          {r.history.map((h) => (
            <Table.Tr key={h.id}>
              <Table.Td>
                <DateTime value={h.at} />
              </Table.Td>
              <Table.Td>{h.event.replace(/_/g, ' ')}</Table.Td>
              <Table.Td>{h.from?.replace(/_/g, ' ') ?? '—'}</Table.Td>
              <Table.Td>{h.to.replace(/_/g, ' ')}</Table.Td>
              <Table.Td>{h.actor.label}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </Card>
    </>
  );
}
