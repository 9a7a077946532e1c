import { Anchor, Code, Stack, Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useAudit, type AuditFilter } from '../../api/audit';
import { DateTime } from '../../components/DateTime';
import { ListState } from '../../components/ListState';
import { PageHeader } from '../../components/PageHeader';
import { Pager, usePaging } from '../../components/Paging';
import { ShortHash } from '../../components/ShortHash';
import { AuditFilterForm } from './AuditFilterForm';
import { auditLink } from './auditLink';

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
        description="Every change, in order. Each entry's hash covers the previous one, so `aisc audit verify` finds any edit."
      />
      <AuditFilterForm value={filter} onApply={apply} />
      <ListState query={audit} empty="No audit entries match.">
        {(page) => (
          <>
            <Table.ScrollContainer minWidth={1000}>
              <Table striped aria-label="Audit entries" verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Seq</Table.Th>
                    <Table.Th>Time</Table.Th>
                    <Table.Th>Actor</Table.Th>
                    <Table.Th>Action</Table.Th>
                    <Table.Th>Record</Table.Th>
                    <Table.Th>Before</Table.Th>
                    <Table.Th>After</Table.Th>
                    <Table.Th>Hash</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
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
                          >
                            <ShortHash value={entry.recordId} length={8} />
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
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Pager page={paging.page} onChange={paging.setPage} total={page.total} noun="entries" pageSize={paging.limit} />
          </>
        )}
      </ListState>
    </>
  );
}
