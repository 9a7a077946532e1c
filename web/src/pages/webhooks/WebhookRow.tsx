import { Badge, Button, Group, Stack, Switch, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { notifyError } from '../../api/useFieldErrors';
import { updateWebhook, type Webhook, webhookKey } from '../../api/webhooks';
import { DateTime } from '../../components/DateTime';

/** One webhook: the active switch saves at once. */
export function WebhookRow({ webhook, onDelete }: { webhook: Webhook; onDelete: () => void }) {
  const client = useQueryClient();
  const toggle = useMutation({
    mutationFn: (active: boolean) => updateWebhook(webhook.id, { active }),
    onSuccess: () => void client.invalidateQueries({ queryKey: [webhookKey] }),
    onError: (error) => notifyError(error, 'Could not change the webhook'),
  });

  return (
    <Table.Tr>
      <Table.Td maw={360}>
        <Stack gap={0}>
          <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
            {webhook.url}
          </Text>
          {webhook.description && (
            <Text size="xs" c="dimmed">
              {webhook.description}
            </Text>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          {webhook.eventTypes.length === 0 ? (
            <Text size="sm" c="dimmed">
              All events
            </Text>
          ) : (
            webhook.eventTypes.map((type) => (
              <Badge key={type} size="sm" variant="light">
                {type}
              </Badge>
            ))
          )}
        </Group>
      </Table.Td>
      <Table.Td>
        <Switch
          aria-label={`Active: ${webhook.url}`}
          checked={toggle.isPending ? toggle.variables : webhook.active}
          disabled={toggle.isPending}
          onChange={(e) => toggle.mutate(e.currentTarget.checked)}
        />
      </Table.Td>
      <Table.Td>
        <DateTime value={webhook.createdAt} />
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap" justify="flex-end">
          <Button
            size="compact-sm"
            variant="subtle"
            component={Link}
            to={`/webhooks/${encodeURIComponent(webhook.id)}`}
            aria-label={`Delivery log of ${webhook.url}`}
          >
            Deliveries
          </Button>
          <Button size="compact-sm" variant="subtle" color="red" onClick={onDelete} aria-label={`Delete webhook ${webhook.url}`}>
            Delete
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
