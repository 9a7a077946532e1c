import { Alert, Badge, Button, Card, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError } from '../../../api/problem';
import { labelOf, useCurrentSession, useVocabulary } from '../../../api/session';
import { notifyError } from '../../../api/useFieldErrors';
import { DataTable } from '../../../components/DataTable';
import { DateTime } from '../../../components/DateTime';
import { OrganisationName } from '../../../components/OrganisationName';
import { words } from '../formChecks';
import { accessCalls, accessKey, type Grant, useSessions } from './accessApi';
import { SessionForm } from './SessionForm';
import { TermsForm } from './TermsForm';

/** A grant's structured terms, who acknowledged which version, and the buttons to set and acknowledge them. */
function TermsSection({ planId, grant }: { planId: string; grant: Grant }) {
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const protections = useVocabulary().data?.frontier.termsProtections;
  const terms = grant.terms;
  const acknowledge = useMutation({
    mutationFn: (termsVersion: number) => accessCalls.acknowledge(planId, grant.id, { termsVersion }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: [accessKey] }),
    onError: (e) => notifyError(e),
  });
  const current = terms ? terms.acknowledgements : [];
  // The API names the acknowledging users the caller may see (policy/users.ts); the others by id, the caller as "you".
  const me = useCurrentSession().user.id;
  return (
    <Stack gap="xs" data-testid="grant-terms">
      <Group justify="space-between">
        <Title order={4}>Terms {terms ? <Badge variant="light">version {terms.termsVersion}</Badge> : null}</Title>
        <Group gap="xs">
          {terms && (
            <Button size="xs" variant="light" loading={acknowledge.isPending} onClick={() => acknowledge.mutate(terms.termsVersion)}>
              Acknowledge version {terms.termsVersion} for my side
            </Button>
          )}
          <Button size="xs" variant="light" onClick={() => setEditing(true)}>
            {terms ? 'Change the terms…' : 'Record the terms…'}
          </Button>
        </Group>
      </Group>
      {terms ? (
        <>
          <Text size="xs" c="dimmed">
            Recorded <DateTime value={terms.setAt} />. A change makes a new version that both sides acknowledge again.
          </Text>
          <DataTable label="Protections" columns={['Protection', 'Terms']} minWidth={600}>
            {terms.protections.map((p) => (
              <Table.Tr key={p.protection}>
                <Table.Td>{labelOf(protections, p.protection)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{p.detail}</Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
          <DataTable label="Acknowledgements" columns={['Side', 'Organisation', 'User', 'Version', 'When']} minWidth={600}>
            {current.map((a) => (
              <Table.Tr key={`${a.side}-${a.userId}-${a.acknowledgedAt}`} data-side={a.side}>
                <Table.Td>{a.side}</Table.Td>
                <Table.Td>
                  <OrganisationName id={a.organisationId} />
                </Table.Td>
                <Table.Td>
                  {a.userId === me ? (
                    'you'
                  ) : a.userName !== null ? (
                    <Text span size="sm" title={a.userId}>
                      {a.userName}
                    </Text>
                  ) : (
                    <Text span size="sm" ff="monospace" title="Users of another organisation are shown by id">
                      {a.userId}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{terms.termsVersion}</Table.Td>
                <Table.Td>
                  <DateTime value={a.acknowledgedAt} />
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
          {current.length === 0 && (
            <Text size="sm" c="dimmed">
              Neither side has acknowledged version {terms.termsVersion} yet.
            </Text>
          )}
        </>
      ) : (
        <Text size="sm" c="dimmed">
          No terms recorded yet: confidentiality, cybersecurity requirements, insider-risk controls, intellectual property and use restrictions.
        </Text>
      )}
      <Modal opened={editing} onClose={() => setEditing(false)} title="Terms of the grant" size="lg">
        <TermsForm planId={planId} grant={grant} onDone={() => setEditing(false)} />
      </Modal>
    </Stack>
  );
}

/** The grant's access log: who used it, when, from which environment, imported or recorded. */
function AccessLog({ planId, grant }: { planId: string; grant: Grant }) {
  const sessions = useSessions(planId, grant.id);
  const [adding, setAdding] = useState(false);
  const items = sessions.data?.items ?? [];
  return (
    <Stack gap="xs" data-testid="access-log">
      <Group justify="space-between">
        <Title order={4}>Access log</Title>
        <Button size="xs" variant="light" onClick={() => setAdding(true)}>
          Record a session…
        </Button>
      </Group>
      {sessions.isError && <Alert color="red">{describeError(sessions.error)}</Alert>}
      <DataTable label="Access log" columns={['Who', 'From', 'Until', 'Environment', 'Source', 'Recorded']} minWidth={700}>
        {items.map((s) => (
          <Table.Tr key={s.id}>
            <Table.Td>{s.actor}</Table.Td>
            <Table.Td>
              <DateTime value={s.startedAt} />
            </Table.Td>
            <Table.Td>
              <DateTime value={s.endedAt} />
            </Table.Td>
            <Table.Td>{words(s.environment)}</Table.Td>
            <Table.Td>
              <Badge variant="light" color={s.source === 'imported' ? 'grape' : 'blue'}>
                {s.source}
              </Badge>
            </Table.Td>
            <Table.Td>
              <DateTime value={s.recordedAt} />
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      {sessions.isSuccess && items.length === 0 && (
        <Text size="sm" c="dimmed">
          No sessions recorded yet.
        </Text>
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} title="Record a session of use">
        <SessionForm planId={planId} grantId={grant.id} environment={grant.environment} onDone={() => setAdding(false)} />
      </Modal>
    </Stack>
  );
}

/** One grant's terms, acknowledgements and access log; they follow the grant's marking. */
export function GrantDetails({ planId, grant, grantee }: { planId: string; grant: Grant; grantee: string }) {
  return (
    <Card withBorder mb="md" data-grant={grant.id} aria-label={`Grant to ${grantee}`} component="section">
      <Title order={3} mb="sm">
        Grant to {grantee}
      </Title>
      <Stack gap="lg">
        <TermsSection planId={planId} grant={grant} />
        <AccessLog planId={planId} grant={grant} />
      </Stack>
    </Card>
  );
}
