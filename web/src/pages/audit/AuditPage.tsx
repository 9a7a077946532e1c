import { Anchor, Code, Stack, Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useAudit, type AuditFilter } from '../../api/audit';
import { DataTable } from '../../components/DataTable';
import { DateTime } from '../../components/DateTime';
import { ListState } from '../../components/ListState';
import { PageHeader } from '../../components/PageHeader';
import { Pager, usePaging } from '../../components/Paging';
import { shorten, ShortHash } from '../../components/ShortHash';
import { AuditFilterForm } from './AuditFilterForm';
import { auditLink } from './auditLink';

const columns = ['Seq', 'Time', 'Actor', 'Action', 'Record', 'Before', 'After', 'Hash'];

/** The hash-chained audit trail, filtered by record; the filter lives in the address so it can be linked. */
export function AuditPage() {
  const [params, setParams] = useSearchParams();
  const recordType = params.get('recordType') ?? '';
  const recordId = params.get('recordId') ?? '';
  const filter = useMemo<AuditFilter>(() => ({ recordType, recordId }), [recordType, recordId]);
  const paging = usePaging(50);
  const audit = useAudit(filter, { limit: paging.limit, offset: paging.offset });

  const apply = (next: AuditFilter) => {
    const search = new URLSearchParams();
    if (next.recordType) search.set('recordType', next.recordType);
    if (next.recordId) search.set('recordId', next.recordId);
    setParams(search);
    paging.reset();
  };

  return (
    <>
      <PageHeader
        title="Audit trail"
        description={
          <>
            Every change, in order. Each entry's hash covers the previous one, so <Code>aisc audit verify</Code> finds any edit.
          </>
        }
      />
      <AuditFilterForm value={filter} onApply={apply} />
      <ListState query={audit} empty="No audit entries match.">
        {(page) => (
          <>
            <DataTable label="Audit entries" columns={columns} minWidth={1000} verticalSpacing="xs">
              {page.items.map((entry) => (
                <Table.Tr key={entry.id}>
                  <Table.Td>{entry.seq}</Table.Td>
                  <Table.Td>
                    <DateTime value={entry.at} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{entry.actor.label}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Code>{entry.action}</Code>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={0}>
                      <Text size="sm">{entry.recordType}</Text>
                      <Anchor
                        component={Link}
                        to={auditLink(entry.recordType, entry.recordId)}
                        aria-label={`Audit trail of ${entry.recordType} ${entry.recordId}`}
                        title={entry.recordId}
                        ff="monospace"
                        size="xs"
                      >
                        {shorten(entry.recordId, 8, 'tail')}
                      </Anchor>
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <ShortHash value={entry.beforeDigest} />
                  </Table.Td>
                  <Table.Td>
                    <ShortHash value={entry.afterDigest} />
                  </Table.Td>
                  <Table.Td>
                    <ShortHash value={entry.hash} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
            <Pager page={paging.page} onChange={paging.setPage} total={page.total} noun="entries" pageSize={paging.limit} />
          </>
        )}
      </ListState>
    </>
  );
}
