import { useState } from 'react';
import { deleteWebhook, useWebhooks, type Webhook, webhookKey } from '../../api/webhooks';
import { AddButton } from '../../components/AddButton';
import { ConfirmModal } from '../../components/ConfirmModal';
import { DataTable } from '../../components/DataTable';
import { ListState } from '../../components/ListState';
import { PageHeader } from '../../components/PageHeader';
import { useConfirmedAction } from '../../components/useConfirmedAction';
import { CreateWebhookModal } from './CreateWebhookModal';
import { WebhookRow } from './WebhookRow';

const columns = ['URL', 'Event types', 'Active', 'Created'];

/** The organisation's webhooks: register (secret shown once), pause, delete, open the delivery log. */
export function WebhooksPage() {
  const webhooks = useWebhooks();
  const [creating, setCreating] = useState(false);
  const remove = useConfirmedAction(webhookKey, (webhook: Webhook) => deleteWebhook(webhook.id), 'Could not delete the webhook');

  return (
    <>
      <PageHeader
        title="Webhooks"
        description="AISC posts each event your organisation may see to these URLs, signed with HMAC-SHA256, and retries failures."
        action={<AddButton label="Create webhook" onClick={() => setCreating(true)} />}
      />
      <ListState query={webhooks} empty="No webhooks yet.">
        {(page) => (
          <DataTable label="Webhooks" columns={columns} withActions minWidth={820}>
            {page.items.map((webhook) => (
              <WebhookRow key={webhook.id} webhook={webhook} onDelete={() => remove.ask(webhook)} />
            ))}
          </DataTable>
        )}
      </ListState>
      <CreateWebhookModal opened={creating} onClose={() => setCreating(false)} />
      <ConfirmModal
        opened={remove.target !== null}
        onClose={remove.cancel}
        title="Delete webhook"
        confirmLabel="Delete webhook"
        loading={remove.pending}
        onConfirm={remove.confirm}
      >
        AISC will stop sending events to {remove.target?.url}.
      </ConfirmModal>
    </>
  );
}
