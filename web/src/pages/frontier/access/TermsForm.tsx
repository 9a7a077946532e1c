import { Alert, Button, Group, Stack, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useFieldErrors } from '../../../api/useFieldErrors';
import { accessCalls, accessKey, type Grant, PROTECTIONS, type Protection } from './accessApi';

const fields = ['/protections'] as const;

/**
 * Sets a grant's terms: one text per protection the order lists. Every save is a new terms
 * version, which both sides acknowledge again (docs/ui-forms.md).
 */
export function TermsForm({ planId, grant, onDone }: { planId: string; grant: Grant; onDone: () => void }) {
  const queryClient = useQueryClient();
  const { errors, report, clear } = useFieldErrors(fields);
  const [details, setDetails] = useState<Record<Protection, string>>(() => {
    const current = new Map((grant.terms?.protections ?? []).map((p) => [p.protection, p.detail]));
    return Object.fromEntries(PROTECTIONS.map((p) => [p.id, current.get(p.id) ?? ''])) as Record<Protection, string>;
  });
  const save = useMutation({
    mutationFn: () =>
      accessCalls.setTerms(planId, grant.id, {
        protections: PROTECTIONS.filter((p) => details[p.id].trim() !== '').map((p) => ({ protection: p.id, detail: details[p.id] })),
      }),
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
    <form onSubmit={submit} noValidate aria-label="Terms of the grant">
      <Stack>
        {errors['/protections'] && <Alert color="red">{errors['/protections']}</Alert>}
        {PROTECTIONS.map((p) => (
          <Textarea
            key={p.id}
            label={p.label}
            autosize
            minRows={2}
            value={details[p.id]}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setDetails((d) => ({ ...d, [p.id]: value }));
              clear('/protections');
            }}
          />
        ))}
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            Record the terms
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
