import { MultiSelect, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useVocabulary } from '../../api/session';
import { useFieldErrors } from '../../api/useFieldErrors';
import { createWebhook, webhookKey, type WebhookDraft } from '../../api/webhooks';
import { FormButtons } from '../../components/FormButtons';
import { SecretResultModal } from '../../components/SecretResultModal';

const fields = ['/url', '/description', '/eventTypes'] as const;
const blank: WebhookDraft = { url: '', description: '', eventTypes: [] };

/** Registers a webhook, then shows its signing secret once. */
export function CreateWebhookModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const vocabulary = useVocabulary().data;
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
  const reset = () => {
    setSecret(null);
    setDraft(blank);
    clear();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };

  return (
    <SecretResultModal
      opened={opened}
      onClose={onClose}
      onReset={reset}
      title="Create webhook"
      resultTitle="Webhook created"
      result={
        secret === null
          ? null
          : {
              label: 'Signing secret',
              value: secret,
              warning: 'Store this secret with the receiver now: it checks the HMAC-SHA256 signature of every delivery with it. AISC does not show it again.',
            }
      }
    >
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
          <TextInput label="Description" value={draft.description} onChange={(e) => set('description', e.currentTarget.value)} error={errors['/description']} />
          <MultiSelect
            label="Event types"
            description="Leave empty to receive every event your organisation may see"
            searchable
            clearable
            data={vocabulary?.eventTypes ?? []}
            value={draft.eventTypes}
            onChange={(eventTypes) => set('eventTypes', eventTypes)}
            error={errors['/eventTypes']}
          />
          <FormButtons onCancel={onClose} submitLabel="Create webhook" loading={create.isPending} />
        </Stack>
      </form>
    </SecretResultModal>
  );
}
