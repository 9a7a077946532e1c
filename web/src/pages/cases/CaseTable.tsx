import { Anchor, Badge, Table } from '@mantine/core';
import { Link } from 'react-router';
import { DataTable } from '../../components/DataTable';
import { DateTime } from '../../components/DateTime';
import type { CaseSummary } from './caseApi';

/** Cases as a table: shared by the coordinators' list and the vendors' inbox. */
export function CaseTable({ label, cases }: { label: string; cases: CaseSummary[] }) {
  return (
    <DataTable label={label} columns={['Case', 'State', 'Embargo', 'Public date', 'Opened']} minWidth={900}>
      {cases.map((c) => (
        <Table.Tr key={c.id}>
          <Table.Td>
            <Anchor component={Link} to={`/cases/${c.id}`}>
              {c.title}
            </Anchor>{' '}
            {c.kind === 'campaign' && <Badge variant="outline">campaign</Badge>} {c.exploited && <Badge color="red">exploited</Badge>}
          </Table.Td>
          <Table.Td>
            <Badge variant="light">{c.state}</Badge>
          </Table.Td>
          <Table.Td>{c.embargo.state}</Table.Td>
          <Table.Td>
            <DateTime value={c.embargo.publicAt} />
          </Table.Td>
          <Table.Td>
            <DateTime value={c.createdAt} />
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}
