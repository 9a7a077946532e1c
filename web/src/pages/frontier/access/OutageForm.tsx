import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useFieldErrors } from '../../../api/useFieldErrors';
import { accessCalls, accessKey } from './accessApi';
import { isoOf } from './GrantForm';

const fields = ['/startsAt', '/endsAt', '/reason'] as const;

/** Records an outage of a grant: the timeline cuts it out of the access (docs/ui-forms.md). */
export function OutageForm({ planId, grantId, onDone }: { planId: string; grantId: string; onDone: () => void }) {
  const queryClient = useQueryClient();
  const { errors, report, clear } = useFieldErrors(fields);
  const [startsAt, setStartsAt] = useState('');
  const [endsAt, setEndsAt] = useState('');
  const [reason, setReason] = useState('');
  const save = useMutation({
    mutationFn: () => accessCalls.addOutage(planId, grantId, { startsAt: isoOf(startsAt), endsAt: isoOf(endsAt), reason }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: [accessKey] });
      onDone();
    },
    onError: report,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          label="Outage from"
          type="datetime-local"
          required
          value={startsAt}
          onChange={(e) => {
            setStartsAt(e.currentTarget.value);
            clear('/startsAt');
          }}
          error={errors['/startsAt']}
        />
        <TextInput
          label="Outage until"
          type="datetime-local"
          required
          value={endsAt}
          onChange={(e) => {
            setEndsAt(e.currentTarget.value);
            clear('/endsAt');
          }}
          error={errors['/endsAt']}
        />
        <TextInput
          label="Reason"
          value={reason}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            clear('/reason');
          }}
          error={errors['/reason']}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            Record the outage
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
