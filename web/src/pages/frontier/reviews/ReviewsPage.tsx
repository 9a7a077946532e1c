import { Anchor, Table } from '@mantine/core';
import { Link } from 'react-router';
import { DataTable } from '../../../components/DataTable';
import { DateTime } from '../../../components/DateTime';
import { ListState } from '../../../components/ListState';
import { PageHeader } from '../../../components/PageHeader';
import { Pager, usePaging } from '../../../components/Paging';
import { VersionName } from '../registry/VersionName';
import { ReviewStateBadge } from './ReviewStateBadge';
import { useReviews } from './reviewApi';

/** Designation reviews the caller is cleared for and listed on; to everyone else they do not exist. */
export function ReviewsPage() {
  const paging = usePaging(50);
  const list = useReviews({ limit: paging.limit, offset: paging.offset });
  return (
    <>
      <PageHeader
        title="Designation reviews"
        description="Classified: only cleared analysts on a review's access list see it. The rule engine proposes; an analyst decides."
      />
      <ListState query={list} empty="No designation reviews you are cleared for.">
        {(page) => (
          <>
            <DataTable label="Designation reviews" columns={['Model version', 'Opened by', 'State', 'Opened']} minWidth={700}>
              {page.items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/frontier/reviews/${r.id}`}>
                      Review {r.id.slice(0, 8)}
                    </Anchor>{' '}
                    of <VersionName id={r.versionId} />
                  </Table.Td>
                  <Table.Td>{r.trigger.replace(/_/g, ' ')}</Table.Td>
                  <Table.Td>
                    <ReviewStateBadge state={r.state} />
                  </Table.Td>
                  <Table.Td>
                    <DateTime value={r.createdAt} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
            <Pager page={paging.page} onChange={paging.setPage} total={page.total} pageSize={paging.limit} noun="reviews" />
          </>
        )}
      </ListState>
    </>
  );
}
