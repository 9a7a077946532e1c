import { Button, Group, Modal, MultiSelect, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useMeta } from '../../api/session';
import { useFieldErrors } from '../../api/useFieldErrors';
import { createWebhook, webhookKey, type WebhookDraft } from '../../api/webhooks';
import { OneTimeSecret } from '../../components/OneTimeSecret';

const fields = ['/url', '/description', '/eventTypes'] as const;
const blank: WebhookDraft = { url: '', description: '', eventTypes: [] };

/** Registers a webhook, then shows its signing secret once. */
export function CreateWebhookModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const meta = useMeta().data;
  const client = useQueryClient();
  const [draft, setDraft] = useState<WebhookDraft>(blank);
  const [secret, setSecret] = useState<string | null>(null);
  const { errors, report, clear } = useFieldErrors(fields);

  const create = useMutation({
    mutationFn: () => createWebhook(draft),
    onSuccess: (result) => {
      setSecret(result.secret);
      void client.invalidateQueries({ queryKey: [webhookKey] });
    },
    onError: report,
  });

  const set = <K extends keyof WebhookDraft>(key: K, value: WebhookDraft[K]) => {
    setDraft((current) => ({ ...current, [key]: value }));
    clear(`/${key}`);
  };
  const close = () => {
    setSecret(null);
    setDraft(blank);
    clear();
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };

  return (
    <Modal opened={opened} onClose={close} title={secret ? 'Webhook created' : 'Create webhook'} size="lg">
      {secret ? (
        <Stack>
          <OneTimeSecret
            label="Signing secret"
            value={secret}
            warning="Store this secret with the receiver now: it checks the HMAC-SHA256 signature of every delivery with it. AISC does not show it again."
          />
          <Group justify="flex-end">
            <Button onClick={close}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <TextInput
              label="Payload URL"
              type="url"
              placeholder="https://receiver.example/aisc"
              required
              data-autofocus
              value={draft.url}
              onChange={(e) => set('url', e.currentTarget.value)}
              error={errors['/url']}
            />
            <TextInput
              label="Description"
              value={draft.description}
              onChange={(e) => set('description', e.currentTarget.value)}
              error={errors['/description']}
            />
            <MultiSelect
              label="Event types"
              description="Leave empty to receive every event your organisation may see"
              searchable
              clearable
              data={meta?.eventTypes ?? []}
              value={draft.eventTypes}
              onChange={(eventTypes) => set('eventTypes', eventTypes)}
              error={errors['/eventTypes']}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={create.isPending}>
                Create webhook
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
