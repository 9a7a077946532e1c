import { Button, Table, VisuallyHidden } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Webhook } from '../../api/types';
import { notifyError } from '../../api/useFieldErrors';
import { deleteWebhook, useWebhooks, webhookKey } from '../../api/webhooks';
import { ConfirmModal } from '../../components/ConfirmModal';
import { ListState } from '../../components/ListState';
import { PageHeader } from '../../components/PageHeader';
import { CreateWebhookModal } from './CreateWebhookModal';
import { WebhookRow } from './WebhookRow';

/** The organisation's webhooks: register (secret shown once), pause, delete, open the delivery log. */
export function WebhooksPage() {
  const webhooks = useWebhooks();
  const client = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<Webhook | null>(null);

  const remove = useMutation({
    mutationFn: (webhook: Webhook) => deleteWebhook(webhook.id),
    onSuccess: () => {
      setDeleting(null);
      void client.invalidateQueries({ queryKey: [webhookKey] });
    },
    onError: (error) => notifyError(error, 'Could not delete the webhook'),
  });

  return (
    <>
      <PageHeader
        title="Webhooks"
        description="AISC posts each event your organisation may see to these URLs, signed with HMAC-SHA256, and retries failures."
        action={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
            Create webhook
          </Button>
        }
      />
      <ListState query={webhooks} empty="No webhooks yet.">
        {(page) => (
          <Table.ScrollContainer minWidth={820}>
            <Table striped highlightOnHover aria-label="Webhooks">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>URL</Table.Th>
                  <Table.Th>Event types</Table.Th>
                  <Table.Th>Active</Table.Th>
                  <Table.Th>Created</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {page.items.map((webhook) => (
                  <WebhookRow key={webhook.id} webhook={webhook} onDelete={() => setDeleting(webhook)} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </ListState>
      <CreateWebhookModal opened={creating} onClose={() => setCreating(false)} />
      <ConfirmModal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title="Delete webhook"
        confirmLabel="Delete webhook"
        loading={remove.isPending}
        onConfirm={() => deleting && remove.mutate(deleting)}
      >
        AISC will stop sending events to {deleting?.url}.
      </ConfirmModal>
    </>
  );
}
