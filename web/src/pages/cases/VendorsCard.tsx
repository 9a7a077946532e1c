import { Button, Card, Group, Table, Title } from '@mantine/core';
import { useState } from 'react';
import { describeError } from '../../api/problem';
import { DataTable } from '../../components/DataTable';
import { OrganisationSelect } from '../../components/OrganisationSelect';
import { Pager, usePaging } from '../../components/Paging';
import { caseCalls, useCaseVendors } from './caseApi';
import { useCaseAction } from './useCaseAction';

/** The coordinator's paged vendor list with the invitation picker. */
export function VendorsCard({ caseId, coordinator }: { caseId: string; coordinator: string }) {
  const paging = usePaging(25);
  const vendors = useCaseVendors(caseId, { limit: paging.limit, offset: paging.offset });
  const [org, setOrg] = useState<string | null>(null);
  const invite = useCaseAction();
  return (
    <Card withBorder mb="md">
      <Title order={3} mb="sm">
        Vendors
      </Title>
      <Group align="flex-end" mb="sm">
        <OrganisationSelect label="Invite a vendor" value={org} onChange={setOrg} exclude={coordinator} w={320} />
        <Button
          disabled={!org}
          loading={invite.isPending}
          onClick={() => org && invite.mutate(() => caseCalls.inviteVendors(caseId, { organisations: [org] }), { onSuccess: () => setOrg(null) })}
        >
          Invite
        </Button>
      </Group>
      {invite.isError && <div role="alert">{describeError(invite.error)}</div>}
      <DataTable label="Case vendors" columns={['Vendor', 'Status', 'Statements', 'Embargo answer']} minWidth={700}>
        {(vendors.data?.items ?? []).map((v) => (
          <Table.Tr key={v.organisationId}>
            <Table.Td>{v.name}</Table.Td>
            <Table.Td>{v.status}</Table.Td>
            <Table.Td>{v.statementCount}</Table.Td>
            <Table.Td>{v.embargoResponse?.response ?? '—'}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <Pager page={paging.page} onChange={paging.setPage} total={vendors.data?.total ?? 0} pageSize={paging.limit} noun="vendors" />
    </Card>
  );
}
