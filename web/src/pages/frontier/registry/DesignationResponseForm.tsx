import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useFieldErrors } from '../../../api/useFieldErrors';
import { registryCalls, registryKey } from './registryApi';

const fields = ['/kind', '/note'] as const;

/**
 * The developer answers a decision (docs/ui-forms.md): a rebuttal of a designation, or the
 * evidence a deferral asked for. The authority's analysts take it up in the (classified) review.
 */
export function DesignationResponseForm({ versionId, kind, onDone }: { versionId: string; kind: 'rebuttal' | 'evidence'; onDone: () => void }) {
  const queryClient = useQueryClient();
  const { errors, report, clear } = useFieldErrors(fields);
  const [note, setNote] = useState('');
  const send = useMutation({
    mutationFn: () => registryCalls.respondToDesignation(versionId, { kind, note }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: [registryKey] });
      onDone();
    },
    onError: report,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Textarea
          label={kind === 'rebuttal' ? 'Why the decision should be reconsidered' : 'The evidence asked for'}
          required
          autosize
          minRows={4}
          value={note}
          onChange={(e) => {
            setNote(e.currentTarget.value);
            clear('/note');
          }}
          error={errors['/note'] ?? errors['/kind']}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={send.isPending}>
            {kind === 'rebuttal' ? 'Send the rebuttal' : 'Send the evidence'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
