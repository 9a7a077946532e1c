import { Badge, Button, Card, Group, Table, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { describeError } from '../../api/problem';
import { useFieldErrors } from '../../api/useFieldErrors';
import { DataTable } from '../../components/DataTable';
import { DateTime } from '../../components/DateTime';
import { type CaseDetail, caseCalls } from './caseApi';
import { useCaseAction } from './useCaseAction';

const proposalFields = ['/publicAt', '/reason'] as const;

/** The embargo protocol: proposals, a vendor's accept / counter-proposal, the coordinator's decision. */
export function EmbargoCard({ c, coordinator }: { c: CaseDetail; coordinator: boolean }) {
  const act = useCaseAction();
  const { errors, report, clear } = useFieldErrors(proposalFields);
  const proposal = useCaseAction(report);
  const [when, setWhen] = useState('');
  const [reason, setReason] = useState('');
  const propose = (event: FormEvent) => {
    event.preventDefault();
    proposal.mutate(() => caseCalls.proposeEmbargo(c.id, { publicAt: new Date(when).toISOString(), reason: reason || null }));
  };
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
                <Button size="xs" onClick={() => act.mutate(() => caseCalls.decideEmbargo(c.id, { decision: 'adopt', proposalId: p.id }))}>
                  Adopt
                </Button>
              )}
              {p.status === 'open' && !coordinator && (
                <Button size="xs" variant="light" onClick={() => act.mutate(() => caseCalls.acceptProposal(c.id, p.id))}>
                  Accept
                </Button>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      {c.embargo.state !== 'exited' && (
        <form onSubmit={propose} noValidate>
          <Group align="flex-start" mt="sm">
            <TextInput
              label={coordinator ? 'Propose a public date' : 'Counter-propose a public date'}
              type="datetime-local"
              value={when}
              onChange={(e) => {
                setWhen(e.currentTarget.value);
                clear('/publicAt');
              }}
              error={errors['/publicAt']}
            />
            <TextInput
              label="Reason (needed for an extension)"
              value={reason}
              onChange={(e) => {
                setReason(e.currentTarget.value);
                clear('/reason');
              }}
              error={errors['/reason']}
              w={320}
            />
            <Button type="submit" variant="light" disabled={!when} loading={proposal.isPending} mt={25}>
              Propose
            </Button>
          </Group>
        </form>
      )}
      {act.isError && <div role="alert">{describeError(act.error)}</div>}
    </Card>
  );
}
