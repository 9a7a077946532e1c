import { Button, Checkbox, Group, Select, Stack, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useFieldErrors } from '../../../api/useFieldErrors';
import { type ConclusionBody, engagementCalls, engagementKey, useRiskScales, words } from './engagementApi';

const fields = ['/domain', '/level', '/framework', '/frameworkLabel', '/rationale', '/tlp'] as const;

/**
 * The assessor concludes a risk level in one domain: either the developer's framework label (the
 * versioned mapping gives the common level) or the common level directly (docs/ui-forms.md).
 */
export function ConclusionForm({ engagementId, domains, onDone }: { engagementId: string; domains: readonly string[]; onDone: () => void }) {
  const scales = useRiskScales();
  const queryClient = useQueryClient();
  const { errors, report, clear } = useFieldErrors(fields);
  const [domain, setDomain] = useState<string | null>(domains[0] ?? null);
  const [framework, setFramework] = useState<string | null>(null);
  const [label, setLabel] = useState<string | null>(null);
  const [level, setLevel] = useState<string | null>(null);
  const [rationale, setRationale] = useState('');
  const [publishable, setPublishable] = useState(false);
  const mapping = scales.data?.mappings.find((m) => m.id === framework);
  const mapped = mapping && label && domain ? mapping.levels.find((l) => l.label === label)?.map[domain] : undefined;
  const save = useMutation({
    mutationFn: () =>
      engagementCalls.conclude(engagementId, {
        domain: domain as ConclusionBody['domain'],
        ...(framework ? { framework, frameworkLabel: label ?? '' } : { level: (level ?? undefined) as ConclusionBody['level'] }),
        rationale,
        ...(publishable ? { tlp: 'CLEAR' as const } : {}),
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
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Select
          label="Domain"
          required
          data={domains.map((d) => ({ value: d, label: words(d) }))}
          value={domain}
          onChange={(v) => {
            setDomain(v);
            clear('/domain');
          }}
          error={errors['/domain']}
        />
        <Select
          label="Developer's framework (optional)"
          clearable
          data={(scales.data?.mappings ?? []).map((m) => ({ value: m.id, label: `${m.framework} (mapping ${m.version})` }))}
          value={framework}
          onChange={(v) => {
            setFramework(v);
            setLabel(null);
            clear('/framework');
          }}
          error={errors['/framework']}
        />
        {mapping ? (
          <Select
            label="Framework level"
            required
            data={mapping.levels.map((l) => ({ value: l.label, label: `${l.label}: ${l.description}` }))}
            value={label}
            onChange={(v) => {
              setLabel(v);
              clear('/frameworkLabel');
            }}
            error={errors['/frameworkLabel']}
            description={mapped ? `Common level: ${mapped}` : 'Pick a level the mapping covers in this domain'}
          />
        ) : (
          <Select
            label="Common risk level"
            required
            data={(scales.data?.levels ?? []).map((l) => ({ value: l, label: l }))}
            value={level}
            onChange={(v) => {
              setLevel(v);
              clear('/level');
            }}
            error={errors['/level']}
          />
        )}
        <Textarea label="Rationale" autosize minRows={2} value={rationale} onChange={(e) => setRationale(e.currentTarget.value)} error={errors['/rationale']} />
        <Checkbox label="Publishable with the public summary (TLP:CLEAR)" checked={publishable} onChange={(e) => setPublishable(e.currentTarget.checked)} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            Record the conclusion
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
