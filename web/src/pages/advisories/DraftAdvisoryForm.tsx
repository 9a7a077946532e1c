import { Button, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { body, client } from '../../api/client';
import { useVocabulary } from '../../api/session';
import { useFieldErrors } from '../../api/useFieldErrors';
import { advisoriesKey } from './advisoryApi';

const fields = ['/content/title', '/content/summary', '/content/affected', '/content/cvss', '/content/cweIds', '/content/cveId', '/content/credits'] as const;

/** A first draft: one affected package with an introduced/fixed range, CVSS, CWE and an AI-finder credit. */
export function DraftAdvisoryForm({ onDone }: { onDone: () => void }) {
  const queryClient = useQueryClient();
  const ecosystems = useVocabulary().data?.ecosystems ?? [];
  const { errors, report, clear } = useFieldErrors(fields);
  const [f, setF] = useState({
    title: '',
    summary: '',
    ecosystem: 'npm',
    name: '',
    introduced: '0',
    fixed: '',
    cvss: '',
    cwe: '',
    cve: '',
    finder: '',
    model: '',
  });
  const pointer: Record<keyof typeof f, (typeof fields)[number]> = {
    title: '/content/title',
    summary: '/content/summary',
    ecosystem: '/content/affected',
    name: '/content/affected',
    introduced: '/content/affected',
    fixed: '/content/affected',
    cvss: '/content/cvss',
    cwe: '/content/cweIds',
    cve: '/content/cveId',
    finder: '/content/credits',
    model: '/content/credits',
  };
  const set = (k: keyof typeof f) => (v: string) => {
    setF((c) => ({ ...c, [k]: v }));
    clear(pointer[k]);
  };
  const save = useMutation({
    mutationFn: () => {
      const rangeType = ecosystems.find((e) => e.name === f.ecosystem)?.rangeType ?? 'ECOSYSTEM';
      const events = [{ introduced: f.introduced || '0' }, ...(f.fixed ? [{ fixed: f.fixed }] : [])];
      const credits = f.finder
        ? [{ name: f.finder, kind: f.model ? ('ai' as const) : ('human' as const), role: 'FINDER' as const, ...(f.model ? { model: { name: f.model } } : {}) }]
        : [];
      return body(
        client.POST('/api/advisories', {
          body: {
            content: {
              title: f.title,
              summary: f.summary,
              cveId: f.cve || null,
              affected: [{ ecosystem: f.ecosystem, name: f.name, ranges: [{ type: rangeType, events }] }],
              cvss: f.cvss ? { v3_1: f.cvss } : {},
              cweIds: f.cwe ? [f.cwe] : [],
              credits,
            },
          },
        }),
      );
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: [advisoriesKey] });
      onDone();
    },
    onError: report,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const text = (k: keyof typeof f, label: string, extra: object = {}) => (
    <TextInput label={label} value={f[k]} onChange={(e) => set(k)(e.currentTarget.value)} error={errors[pointer[k]]} {...extra} />
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {text('title', 'Title', { required: true })}
        <Textarea label="Summary" value={f.summary} onChange={(e) => set('summary')(e.currentTarget.value)} error={errors['/content/summary']} />
        <Group grow align="flex-start">
          <Select
            label="Ecosystem"
            data={ecosystems.map((e) => e.name)}
            searchable
            value={f.ecosystem}
            onChange={(v) => set('ecosystem')(v ?? 'npm')}
            allowDeselect={false}
          />
          {text('name', 'Package', { required: true })}
        </Group>
        <Group grow align="flex-start">
          {text('introduced', 'Introduced in', { error: undefined })}
          {text('fixed', 'Fixed in', { error: undefined })}
        </Group>
        <Group grow align="flex-start">
          {text('cvss', 'CVSS 3.1 vector', { placeholder: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' })}
          {text('cwe', 'CWE', { placeholder: 'CWE-79' })}
          {text('cve', 'CVE id')}
        </Group>
        <Group grow align="flex-start">
          {text('finder', 'Credited finder')}
          {text('model', 'AI model (for an AI finder)', { error: undefined })}
        </Group>
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            Save draft (TLP:AMBER+STRICT)
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
