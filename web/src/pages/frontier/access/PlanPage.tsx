import { Alert, Anchor, Badge, Button, Card, Modal, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { body, client } from '../../../api/client';
import { organisationKey } from '../../../api/organisations';
import { describeError } from '../../../api/problem';
import { labelOf, useVocabulary } from '../../../api/session';
import { DataTable } from '../../../components/DataTable';
import { DateTime } from '../../../components/DateTime';
import { OrganisationName } from '../../../components/OrganisationName';
import { PageHeader } from '../../../components/PageHeader';
import { words } from '../formChecks';
import { AccessTimeline } from '../timeline/AccessTimeline';
import type { TimelineMilestone } from '../timeline/timelineModel';
import { type Grant, type Plan, usePlan } from './accessApi';
import { GrantDetails } from './GrantDetails';
import { GrantForm } from './GrantForm';
import { OutageForm } from './OutageForm';

/** Organisation names for the timeline's rows (cached per organisation, like OrganisationName). */
function useOrganisationNames(ids: string[]): Map<string, string> {
  const answers = useQueries({
    queries: ids.map((id) => ({
      queryKey: [organisationKey, 'one', id],
      queryFn: () => body(client.GET('/api/organisations/{id}', { params: { path: { id } } })),
      staleTime: 60_000,
    })),
  });
  return new Map(ids.map((id, i) => [id, answers[i]?.data?.name ?? '…']));
}

function milestonesOf(plan: Plan): TimelineMilestone[] {
  const m: TimelineMilestone[] = [];
  if (plan.version?.plannedTrustedPartnerRelease)
    m.push({ milestone: 'trusted_partner', label: 'Trusted partners', at: plan.version.plannedTrustedPartnerRelease });
  if (plan.version?.plannedGeneralRelease) m.push({ milestone: 'general', label: 'Public release', at: plan.version.plannedGeneralRelease });
  return m;
}

function Stat({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text fw={600}>{value}</Text>
    </div>
  );
}

/** The access plan of one model version: the live window, the timeline, the grants and their outages. */
export function PlanPage() {
  const { planId = '' } = useParams();
  const plan = usePlan(planId);
  const vocabulary = useVocabulary();
  const [adding, setAdding] = useState(false);
  const [outageOf, setOutageOf] = useState<Grant | null>(null);
  const granteeIds = useMemo(() => [...new Set((plan.data?.grants ?? []).map((g) => g.granteeOrganisationId))], [plan.data]);
  const names = useOrganisationNames(granteeIds);
  if (plan.isPending) return <Text>Loading…</Text>;
  if (plan.isError) return <Alert color="red">{describeError(plan.error)}</Alert>;
  const p = plan.data;
  // The chart's "now" marker only; the window's status is the server's.
  const now = new Date().toISOString();
  const w = p.window;
  const kinds = vocabulary.data?.frontier.accessKinds;
  const grants = p.grants.map((g) => ({
    id: g.id,
    grantee: names.get(g.granteeOrganisationId) ?? '…',
    accessKind: labelOf(kinds, g.accessKind),
    start: g.startsAt,
    end: g.endsAt,
    outages: g.outages.map((o) => ({ start: o.startsAt, end: o.endsAt, reason: o.reason })),
  }));
  const title = p.version ? `${p.version.modelName} ${p.version.version}` : 'Access plan';
  return (
    <>
      <PageHeader
        title={`Access plan: ${title}`}
        description={`Voluntary pre-release access: AISC records the grants, computes the window and sends reminders. It never holds up a release. Window: ${p.policy.mode === 'minimum' ? 'at least' : 'up to'} ${p.policy.windowDays} days before the ${p.policy.milestone === 'general' ? 'public' : 'trusted-partner'} release.`}
        action={<Button onClick={() => setAdding(true)}>Add a grant</Button>}
      />
      {p.version && (
        <Text size="sm" mb="md">
          Model version:{' '}
          <Anchor component={Link} to={`/frontier/versions/${p.version.id}`}>
            {title}
          </Anchor>
        </Text>
      )}
      {w && (
        <Card withBorder mb="md">
          <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }}>
            <Stat label="Release counted to" value={<DateTime value={w.releaseAt} empty="not recorded" />} />
            <Stat label="Lead time" value={`${w.leadTimeDays} days`} />
            <Stat label="Scheduled access" value={`${w.scheduledAccessDays} days`} />
            <Stat label="Access so far" value={`${w.effectiveAccessDays} days`} />
            <Stat label="Late by" value={w.lateByDays > 0 ? `${w.lateByDays} days` : '—'} />
            <Stat label="Checkpoint drift" value={w.drift ? <Badge color="orange">tested ≠ released</Badge> : 'none'} />
          </SimpleGrid>
        </Card>
      )}
      <Card withBorder mb="md">
        <AccessTimeline
          grants={grants}
          milestones={milestonesOf(p)}
          status={w?.status ?? 'no_release_date'}
          releaseAt={w?.releaseAt ?? null}
          windowDays={p.policy.windowDays}
          asOf={now}
        />
      </Card>
      <Card withBorder mb="md">
        <Title order={3} mb="sm">
          Grants
        </Title>
        <DataTable label="Grants" columns={['Grantee', 'Access', 'Environment', 'From', 'To', 'Outages', 'Terms']} withActions minWidth={900}>
          {p.grants.map((g) => (
            <Table.Tr key={g.id}>
              <Table.Td>
                <OrganisationName id={g.granteeOrganisationId} />
              </Table.Td>
              <Table.Td>{labelOf(kinds, g.accessKind)}</Table.Td>
              <Table.Td>{words(g.environment)}</Table.Td>
              <Table.Td>
                <DateTime value={g.startsAt} />
              </Table.Td>
              <Table.Td>
                <DateTime value={g.endsAt} />
              </Table.Td>
              <Table.Td>{g.outages.length}</Table.Td>
              <Table.Td>{g.terms ? `version ${g.terms.termsVersion}, ${g.terms.acknowledgements.length} acknowledged` : 'none recorded'}</Table.Td>
              <Table.Td>
                <Button size="xs" variant="light" onClick={() => setOutageOf(g)}>
                  Outage…
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
        {p.grants.length === 0 && (
          <Text c="dimmed" size="sm" mt="sm">
            No grants recorded yet.
          </Text>
        )}
      </Card>
      {p.grants.map((g) => (
        <GrantDetails key={g.id} planId={p.id} grant={g} grantee={names.get(g.granteeOrganisationId) ?? '…'} />
      ))}
      <Modal opened={adding} onClose={() => setAdding(false)} title="Add a grant" size="lg">
        <GrantForm planId={p.id} onDone={() => setAdding(false)} />
      </Modal>
      <Modal opened={outageOf !== null} onClose={() => setOutageOf(null)} title="Record an outage">
        {outageOf && <OutageForm planId={p.id} grantId={outageOf.id} onDone={() => setOutageOf(null)} />}
      </Modal>
    </>
  );
}
