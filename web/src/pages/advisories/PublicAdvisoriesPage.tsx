import { Anchor, Badge, Container, Table, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { DataTable } from '../../components/DataTable';
import { DateTime } from '../../components/DateTime';
import { ListState } from '../../components/ListState';
import { Pager, usePaging } from '../../components/Paging';
import { usePublicAdvisories } from './advisoryApi';

/** `/advisories`: every published advisory, newest change first. No sign-in needed. */
export function PublicAdvisoriesPage() {
  const [q, setQ] = useState('');
  const paging = usePaging(50);
  const list = usePublicAdvisories(q, { limit: paging.limit, offset: paging.offset });
  return (
    <Container size="lg" py="lg">
      <Title order={1} mb="md">
        Published advisories
      </Title>
      <TextInput
        label="Search by id, CVE or title"
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          paging.reset();
        }}
        mb="md"
      />
      <ListState query={list} empty="No published advisories match.">
        {(page) => (
          <>
            <DataTable label="Published advisories" columns={['Id', 'Title', 'CVE', 'Modified']} minWidth={700}>
              {page.items.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/advisories/${encodeURIComponent(a.id)}`}>
                      {a.id}
                    </Anchor>
                    {a.state === 'withdrawn' && (
                      <Badge ml="xs" color="gray">
                        withdrawn
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{a.title}</Table.Td>
                  <Table.Td>{a.cveId ?? '—'}</Table.Td>
                  <Table.Td>
                    <DateTime value={a.modifiedAt} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
            <Pager page={paging.page} onChange={paging.setPage} total={page.total} pageSize={paging.limit} noun="advisories" />
          </>
        )}
      </ListState>
    </Container>
  );
}
