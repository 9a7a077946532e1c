import { Badge, Button, Card, Group, Table, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { describeError } from '../../api/problem';
import { DataTable } from '../../components/DataTable';
import { DateTime } from '../../components/DateTime';
import type { CaseDetail } from './caseApi';
import { useCaseAction } from './useCaseAction';

/** The embargo protocol: proposals, a vendor's accept / counter-proposal, the coordinator's decision. */
export function EmbargoCard({ c, coordinator }: { c: CaseDetail; coordinator: boolean }) {
  const act = useCaseAction(c.id);
  const [when, setWhen] = useState('');
  const [reason, setReason] = useState('');
  const propose = () => act.mutate({ path: '/embargo/proposals', body: { publicAt: new Date(when).toISOString(), reason: reason || null } });
  return (
    <Card withBorder mb="md">
      <Title order={3} mb="sm">
        Embargo <Badge variant="light">{c.embargo.state}</Badge>
      </Title>
      <p>
        Agreed public date: <DateTime value={c.embargo.publicAt} empty="none yet" />
      </p>
      <DataTable label="Embargo proposals" columns={['Public date', 'Reason', 'Status', '']} minWidth={700}>
        {c.proposals.map((p) => (
          <Table.Tr key={p.id}>
            <Table.Td>
              <DateTime value={p.publicAt} /> {p.extension && <Badge color="orange">extension</Badge>}
            </Table.Td>
            <Table.Td>{p.reason ?? '—'}</Table.Td>
            <Table.Td>{p.status}</Table.Td>
            <Table.Td>
              {p.status === 'open' && coordinator && (
                <Button size="xs" onClick={() => act.mutate({ path: '/embargo/decision', body: { decision: 'adopt', proposalId: p.id } })}>
                  Adopt
                </Button>
              )}
              {p.status === 'open' && !coordinator && (
                <Button size="xs" variant="light" onClick={() => act.mutate({ path: `/embargo/proposals/${p.id}/accept` })}>
                  Accept
                </Button>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      {c.embargo.state !== 'exited' && (
        <Group align="flex-end" mt="sm">
          <TextInput
            label={coordinator ? 'Propose a public date' : 'Counter-propose a public date'}
            type="datetime-local"
            value={when}
            onChange={(e) => setWhen(e.currentTarget.value)}
          />
          <TextInput label="Reason (needed for an extension)" value={reason} onChange={(e) => setReason(e.currentTarget.value)} w={320} />
          <Button variant="light" disabled={!when} onClick={propose}>
            Propose
          </Button>
        </Group>
      )}
      {act.isError && <div role="alert">{describeError(act.error)}</div>}
    </Card>
  );
}
