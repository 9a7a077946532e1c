import { Anchor, Breadcrumbs, SegmentedControl, Text } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { type DeliveryStatus, useDeliveries, useWebhooks } from '../../api/webhooks';
import { DataTable } from '../../components/DataTable';
import { ListState } from '../../components/ListState';
import { PageHeader } from '../../components/PageHeader';
import { Pager, usePaging } from '../../components/Paging';
import { DeliveryRow } from './DeliveryRow';

const columns = ['Event', 'Status', 'Attempts', 'Last response', 'Delivered or next attempt', 'Created'];

const statuses: { value: DeliveryStatus | 'all'; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'pending', label: 'Pending' },
  { value: 'succeeded', label: 'Succeeded' },
  { value: 'failed', label: 'Failed' },
  { value: 'dead', label: 'Dead' },
];

/** Every delivery attempt of one webhook, newest first, with a re-send button per delivery. */
export function DeliveryLogPage() {
  const { webhookId = '' } = useParams();
  const webhook = useWebhooks().data?.items.find((w) => w.id === webhookId);
  const [status, setStatus] = useState<DeliveryStatus | 'all'>('all');
  const paging = usePaging();
  const deliveries = useDeliveries(webhookId, {
    status: status === 'all' ? undefined : status,
    limit: paging.limit,
    offset: paging.offset,
  });

  return (
    <>
      <Breadcrumbs mb="xs" aria-label="Breadcrumb">
        <Anchor component={Link} to="/webhooks" size="sm">
          Webhooks
        </Anchor>
        <Text size="sm">Delivery log</Text>
      </Breadcrumbs>
      <PageHeader
        title="Delivery log"
        description={
          <Text span ff="monospace" size="sm" style={{ wordBreak: 'break-all' }}>
            {webhook?.url ?? webhookId}
          </Text>
        }
      />
      <SegmentedControl
        aria-label="Delivery status"
        data={statuses}
        value={status}
        onChange={(value) => {
          setStatus(value as DeliveryStatus | 'all');
          paging.reset();
        }}
        mb="md"
      />
      <ListState query={deliveries} empty={status === 'all' ? 'No deliveries yet.' : `No ${status} deliveries.`}>
        {(page) => (
          <>
            <DataTable label="Deliveries" columns={columns} withActions minWidth={980} verticalSpacing="xs">
              {page.items.map((delivery) => (
                <DeliveryRow key={delivery.id} webhookId={webhookId} delivery={delivery} />
              ))}
            </DataTable>
            <Pager page={paging.page} onChange={paging.setPage} total={page.total} noun="deliveries" />
          </>
        )}
      </ListState>
    </>
  );
}
