import { Button, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notifyError } from '../../api/useFieldErrors';
import { type DeliveryStatus, deliveryKey, resendDelivery, type WebhookDelivery } from '../../api/webhooks';
import { DateTime } from '../../components/DateTime';
import { StateBadge } from '../../components/StateBadge';
import { ShortHash } from '../../components/ShortHash';

const statusColour: Record<DeliveryStatus, string> = { pending: 'blue', succeeded: 'teal', failed: 'orange', dead: 'red' };

/** When it was delivered, or when the next attempt is due; a dead delivery has neither. */
function DeliveryTiming({ delivery }: { delivery: WebhookDelivery }) {
  const [label, value] = delivery.deliveredAt
    ? ['Delivered', delivery.deliveredAt]
    : delivery.nextAttemptAt
      ? ['Next attempt', delivery.nextAttemptAt]
      : ['—', null];
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      {value && <DateTime value={value} />}
    </Stack>
  );
}

/** One delivery of an event to a webhook, with its last response and a re-send button. */
export function DeliveryRow({ webhookId, delivery }: { webhookId: string; delivery: WebhookDelivery }) {
  const client = useQueryClient();
  const resend = useMutation({
    mutationFn: () => resendDelivery(webhookId, delivery.id),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: `Event ${delivery.eventType} queued to be sent again.` });
      void client.invalidateQueries({ queryKey: [deliveryKey, webhookId] });
    },
    onError: (error) => notifyError(error, 'Could not re-send'),
  });

  return (
    <Table.Tr>
      <Table.Td>
        <Stack gap={2} align="flex-start">
          <Text size="sm" fw={600}>
            {delivery.eventType}
          </Text>
          <ShortHash value={delivery.eventId} length={8} keep="tail" />
        </Stack>
      </Table.Td>
      <Table.Td>
        <StateBadge colour={statusColour[delivery.status]}>{delivery.status}</StateBadge>
      </Table.Td>
      <Table.Td>{delivery.attempts}</Table.Td>
      <Table.Td maw={280}>
        <Stack gap={0}>
          {delivery.lastStatusCode !== null && <Text size="sm">HTTP {delivery.lastStatusCode}</Text>}
          {delivery.lastError && (
            <Text size="xs" c="red" lineClamp={2} title={delivery.lastError}>
              {delivery.lastError}
            </Text>
          )}
          {delivery.lastStatusCode === null && !delivery.lastError && (
            <Text size="sm" c="dimmed">
              —
            </Text>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>
        <DeliveryTiming delivery={delivery} />
      </Table.Td>
      <Table.Td>
        <DateTime value={delivery.createdAt} />
      </Table.Td>
      <Table.Td>
        <Button
          size="compact-sm"
          variant="light"
          loading={resend.isPending}
          onClick={() => resend.mutate()}
          aria-label={`Re-send ${delivery.eventType} delivery ${delivery.id}`}
        >
          Re-send
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}
