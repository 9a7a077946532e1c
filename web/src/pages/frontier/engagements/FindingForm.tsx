import { Button, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useFieldErrors } from '../../../api/useFieldErrors';
import { useVocabulary } from '../../../api/session';
import { type FindingBody, engagementCalls, engagementKey, words } from './engagementApi';

const fields = ['/domain', '/severity', '/title', '/detail', '/evidence', '/detailTlp'] as const;

/** The assessor records a finding; its detail carries its own, narrower label (docs/ui-forms.md). */
export function FindingForm({ engagementId, domains, onDone }: { engagementId: string; domains: readonly string[]; onDone: () => void }) {
  const vocabulary = useVocabulary();
  const queryClient = useQueryClient();
  const { errors, report, clear } = useFieldErrors(fields);
  const [domain, setDomain] = useState<string | null>(domains[0] ?? null);
  const [severity, setSeverity] = useState<string | null>('medium');
  const [title, setTitle] = useState('');
  const [detail, setDetail] = useState('');
  const [evidence, setEvidence] = useState('');
  const [detailTlp, setDetailTlp] = useState<string | null>('AMBER+STRICT');
  const save = useMutation({
    mutationFn: () =>
      engagementCalls.addFinding(engagementId, {
        domain: domain as FindingBody['domain'],
        severity: severity as FindingBody['severity'],
        title,
        detail,
        evidence: evidence
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean),
        detailTlp: detailTlp as FindingBody['detailTlp'],
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: [engagementKey] });
      onDone();
    },
    onError: report,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const edit =
    <T,>(path: (typeof fields)[number], set: (v: T) => void) =>
    (v: T) => {
      set(v);
      clear(path);
    };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Group grow>
          <Select
            label="Domain"
            required
            data={domains.map((d) => ({ value: d, label: words(d) }))}
            value={domain}
            onChange={edit('/domain', setDomain)}
            error={errors['/domain']}
          />
          <Select
            label="Severity"
            required
            data={(vocabulary.data?.frontier.riskLevels ?? []).map((l) => ({ value: l, label: l }))}
            value={severity}
            onChange={edit('/severity', setSeverity)}
            error={errors['/severity']}
          />
        </Group>
        <TextInput label="Title" required value={title} onChange={(e) => edit('/title', setTitle)(e.currentTarget.value)} error={errors['/title']} />
        <Textarea
          label="Detail"
          autosize
          minRows={3}
          value={detail}
          onChange={(e) => edit('/detail', setDetail)(e.currentTarget.value)}
          error={errors['/detail']}
        />
        <Textarea
          label="Evidence references (one per line)"
          autosize
          minRows={2}
          value={evidence}
          onChange={(e) => edit('/evidence', setEvidence)(e.currentTarget.value)}
          error={errors['/evidence']}
        />
        <Select
          label="Who may read the detail (TLP)"
          data={(vocabulary.data?.tlp ?? []).map((t) => ({ value: t, label: `TLP:${t}` }))}
          value={detailTlp}
          onChange={edit('/detailTlp', setDetailTlp)}
          error={errors['/detailTlp']}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            Record the finding
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
