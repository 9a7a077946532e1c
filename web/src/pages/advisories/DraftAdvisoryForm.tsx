import { Button, Group, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { describeError } from '../../api/problem';
import { advisoriesKey, type Advisory } from './advisoryApi';

const ECOSYSTEMS = ['npm', 'PyPI', 'Go', 'crates.io', 'Maven', 'NuGet', 'RubyGems', 'Packagist'];

/** A first draft: one affected package with an introduced/fixed range, CVSS, CWE and an AI-finder credit. */
export function DraftAdvisoryForm({ onDone }: { onDone: () => void }) {
  const client = useQueryClient();
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
  const set = (k: keyof typeof f) => (v: string) => setF((c) => ({ ...c, [k]: v }));
  const save = useMutation({
    mutationFn: () =>
      api.post<Advisory>('/api/advisories', {
        content: {
          title: f.title,
          summary: f.summary,
          cveId: f.cve || null,
          affected: [
            {
              ecosystem: f.ecosystem,
              name: f.name,
              ranges: [
                {
                  type: ['npm', 'Go', 'crates.io'].includes(f.ecosystem) ? 'SEMVER' : 'ECOSYSTEM',
                  events: [{ introduced: f.introduced || '0' }, ...(f.fixed ? [{ fixed: f.fixed }] : [])],
                },
              ],
            },
          ],
          cvss: f.cvss ? { v3_1: f.cvss } : {},
          cweIds: f.cwe ? [f.cwe] : [],
          credits: f.finder ? [{ name: f.finder, kind: f.model ? 'ai' : 'human', role: 'FINDER', ...(f.model ? { model: { name: f.model } } : {}) }] : [],
        },
      }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: [advisoriesKey] });
      onDone();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const text = (k: keyof typeof f, label: string, extra: object = {}) => (
    <TextInput label={label} value={f[k]} onChange={(e) => set(k)(e.currentTarget.value)} {...extra} />
  );
  return (
    <form onSubmit={submit}>
      <Stack>
        {text('title', 'Title', { required: true })}
        <Textarea label="Summary" value={f.summary} onChange={(e) => set('summary')(e.currentTarget.value)} />
        <Group grow>
          <Select label="Ecosystem" data={ECOSYSTEMS} value={f.ecosystem} onChange={(v) => set('ecosystem')(v ?? 'npm')} />
          {text('name', 'Package', { required: true })}
        </Group>
        <Group grow>
          {text('introduced', 'Introduced in')}
          {text('fixed', 'Fixed in')}
        </Group>
        <Group grow>
          {text('cvss', 'CVSS 3.1 vector', { placeholder: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' })}
          {text('cwe', 'CWE', { placeholder: 'CWE-79' })}
          {text('cve', 'CVE id')}
        </Group>
        <Group grow>
          {text('finder', 'Credited finder')}
          {text('model', 'AI model (for an AI finder)')}
        </Group>
        {save.isError && <div role="alert">{describeError(save.error)}</div>}
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            Save draft (TLP:AMBER+STRICT)
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
