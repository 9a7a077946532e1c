import { Alert, Anchor, Badge, Button, Card, Group, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { describeError } from '../../api/problem';
import { agreedEmbargoEnd, EarlyDisclosureModal } from '../../components/EarlyDisclosureModal';
import { PageHeader } from '../../components/PageHeader';
import { CaseAdvisoryForm } from './CaseAdvisoryForm';
import { caseCalls, useCase } from './caseApi';
import { EmbargoCard } from './EmbargoCard';
import { StatementsCard } from './StatementsCard';
import { useCaseAction } from './useCaseAction';
import { VendorsCard } from './VendorsCard';
import { VulnerabilitiesCard } from './VulnerabilitiesCard';

/** One case: coordinators run it (vendors, embargo, advisory); a vendor states and answers. */
export function CasePage() {
  const { caseId = '' } = useParams();
  const c = useCase(caseId);
  const act = useCaseAction();
  const [disclosing, setDisclosing] = useState(false);
  if (c.isPending) return <Text>Loading…</Text>;
  if (c.isError) return <Alert color="red">{describeError(c.error)}</Alert>;
  const k = c.data;
  // Only coordinators receive the coordinator-only fields (src/services/cases/views.ts).
  const coordinator = k.coordinatorOrganisationId !== undefined;
  return (
    <>
      <PageHeader title={k.title} description={k.summary} />
      <Group mb="md">
        <Badge>{k.state}</Badge>
        {k.kind === 'campaign' && <Badge variant="outline">campaign</Badge>}
        {k.exploited && <Badge color="red">exploited in the wild</Badge>}
        {coordinator && k.state !== 'closed' && k.state !== 'disclosed' && (
          <Button size="xs" variant="light" color="orange" onClick={() => setDisclosing(true)}>
            Disclose now
          </Button>
        )}
        <EarlyDisclosureModal
          opened={disclosing}
          onClose={() => setDisclosing(false)}
          action="Disclose now"
          subject={k.title}
          agreed={agreedEmbargoEnd(k.embargo)}
          pending={act.isPending}
          onConfirm={(body) => act.mutate(() => caseCalls.transition(caseId, { event: 'disclose', ...body }), { onSuccess: () => setDisclosing(false) })}
        />
      </Group>
      {k.disclosureReason && (
        <Text size="sm" mb="md">
          Disclosed before the agreed date: {k.disclosureReason}
        </Text>
      )}
      {act.isError && <div role="alert">{describeError(act.error)}</div>}
      <VulnerabilitiesCard c={k} />
      {coordinator && <VendorsCard caseId={k.id} coordinator={k.coordinatorOrganisationId!} />}
      <EmbargoCard c={k} coordinator={coordinator} />
      <StatementsCard c={k} coordinator={coordinator} />
      {coordinator && (
        <Card withBorder mb="md">
          <Title order={3} mb="sm">
            Advisory
          </Title>
          {k.advisoryId ? (
            <Text>
              Drafted as{' '}
              <Anchor component={Link} to="/advisory-desk">
                {k.advisoryId}
              </Anchor>
            </Text>
          ) : (
            <CaseAdvisoryForm c={k} />
          )}
        </Card>
      )}
    </>
  );
}
