import { Alert, Button, Group, Stack, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useVocabulary } from '../../../api/session';
import { useFieldErrors } from '../../../api/useFieldErrors';
import { accessCalls, accessKey, type Grant, type Protection } from './accessApi';

/** `/protections` itself, and each item the form sends (the vocabulary lists a handful; the server caps the list at its length). */
const fields = ['/protections', ...Array.from({ length: 16 }, (_, i) => `/protections/${i}`)] as const;

/**
 * Sets a grant's terms: one text per protection the order lists (the server's vocabulary, in
 * its order). Every save is a new terms version, which both sides acknowledge again. A problem
 * with one term shows under its own text (docs/ui-forms.md).
 */
export function TermsForm({ planId, grant, onDone }: { planId: string; grant: Grant; onDone: () => void }) {
  const queryClient = useQueryClient();
  const protections = useVocabulary().data?.frontier.termsProtections ?? [];
  const { errors, report, clear } = useFieldErrors(fields);
  const [details, setDetails] = useState<Partial<Record<Protection, string>>>(() =>
    Object.fromEntries((grant.terms?.protections ?? []).map((p) => [p.protection, p.detail])),
  );
  // Where each protection sits in the list last sent: the server's error paths index that list.
  const [sent, setSent] = useState<readonly Protection[]>([]);
  const save = useMutation({
    mutationFn: () => {
      const terms = protections.flatMap((p) => {
        const detail = details[p.id] ?? '';
        return detail.trim() === '' ? [] : [{ protection: p.id, detail }];
      });
      setSent(terms.map((t) => t.protection));
      return accessCalls.setTerms(planId, grant.id, { protections: terms });
    },
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
  const errorOf = (id: Protection) => {
    const i = sent.indexOf(id);
    return i < 0 ? undefined : errors[`/protections/${i}`];
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Terms of the grant">
      <Stack>
        {errors['/protections'] && <Alert color="red">{errors['/protections']}</Alert>}
        {protections.map((p) => (
          <Textarea
            key={p.id}
            label={p.label}
            autosize
            minRows={2}
            value={details[p.id] ?? ''}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setDetails((d) => ({ ...d, [p.id]: value }));
              const i = sent.indexOf(p.id);
              if (i >= 0) clear(`/protections/${i}`);
              clear('/protections');
            }}
            error={errorOf(p.id)}
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
