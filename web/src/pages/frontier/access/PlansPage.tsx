import { Anchor, Table } from '@mantine/core';
import { Link } from 'react-router';
import { DataTable } from '../../../components/DataTable';
import { DateTime } from '../../../components/DateTime';
import { ListState } from '../../../components/ListState';
import { PageHeader } from '../../../components/PageHeader';
import { Pager, usePaging } from '../../../components/Paging';
import { WindowStatusBadge } from '../WindowStatusBadge';
import { usePlans } from './accessApi';

/** Every access plan the caller may see, with its live window status. Plans are made from a model version's page. */
export function PlansPage() {
  const paging = usePaging(50);
  const list = usePlans({ limit: paging.limit, offset: paging.offset });
  return (
    <>
      <PageHeader
        title="Access plans"
        description="Voluntary pre-release access for designated models: grants, outages and release milestones as recorded, with the window computed live. A plan is made from a model version's page."
      />
      <ListState query={list} empty="No access plans yet.">
        {(page) => (
          <>
            <DataTable label="Access plans" columns={['Model version', 'Window', 'Release counted to', 'Lead time', 'Grants']} minWidth={800}>
              {page.items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/frontier/plans/${p.id}`}>
                      {p.version ? `${p.version.modelName} ${p.version.version}` : p.versionId}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <WindowStatusBadge status={p.window?.status ?? 'no_release_date'} />
                  </Table.Td>
                  <Table.Td>
                    <DateTime value={p.window?.releaseAt} />
                  </Table.Td>
                  <Table.Td>{p.window ? `${p.window.leadTimeDays} days` : '—'}</Table.Td>
                  <Table.Td>{p.grants.length}</Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
            <Pager page={paging.page} onChange={paging.setPage} total={page.total} pageSize={paging.limit} noun="plans" />
          </>
        )}
      </ListState>
    </>
  );
}
