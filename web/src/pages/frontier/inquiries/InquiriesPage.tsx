import { Table, Text } from '@mantine/core';
import { DataTable } from '../../../components/DataTable';
import { DateTime } from '../../../components/DateTime';
import { ListState } from '../../../components/ListState';
import { PageHeader } from '../../../components/PageHeader';
import { Pager, usePaging } from '../../../components/Paging';
import { StateBadge } from '../../../components/StateBadge';
import { VersionName } from '../registry/VersionName';
import { useInquiries } from './inquiryApi';

/** "Is my model covered?" questions asked of the designating authority, and their answer as far as the developer may know it. */
export function InquiriesPage() {
  const paging = usePaging(50);
  const list = useInquiries({ limit: paging.limit, offset: paging.offset });
  return (
    <>
      <PageHeader
        title="Coverage inquiries"
        description="Ask from a model version's page. The rule sets answer at once; the designating authority's analysts answer the inquiry."
      />
      <ListState query={list} empty="No inquiries yet.">
        {(page) => (
          <>
            <DataTable label="Coverage inquiries" columns={['Model version', 'Question', 'State', 'Answer', 'Asked']} minWidth={900}>
              {page.items.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>
                    <VersionName id={i.versionId} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={2}>
                      {i.question}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <StateBadge colour="blue">{i.state.replace(/_/g, ' ')}</StateBadge>
                  </Table.Td>
                  <Table.Td>
                    {i.answer ? (
                      <Text size="sm">
                        {i.answer.outcome.replace(/_/g, ' ')}
                        {i.answer.rationale ? `: ${i.answer.rationale}` : ''}
                      </Text>
                    ) : (
                      <Text size="sm" c="dimmed">
                        not yet
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <DateTime value={i.createdAt} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
            <Pager page={paging.page} onChange={paging.setPage} total={page.total} pageSize={paging.limit} noun="inquiries" />
          </>
        )}
      </ListState>
    </>
  );
}
