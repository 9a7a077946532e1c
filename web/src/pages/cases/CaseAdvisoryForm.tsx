import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { describeError } from '../../api/problem';
import type { CaseDetail } from './caseApi';
import { useCaseAction } from './useCaseAction';

const ECOSYSTEMS = ['npm', 'PyPI', 'Go', 'crates.io', 'Maven', 'NuGet', 'RubyGems', 'Packagist'];

/** Drafts the case's advisory; the server puts the vendors on its access list and schedules it at the embargo end. */
export function CaseAdvisoryForm({ c }: { c: CaseDetail }) {
  const act = useCaseAction(c.id);
  const [f, setF] = useState({ title: c.title, ecosystem: 'npm', name: '', fixed: '' });
  const set = (k: keyof typeof f) => (v: string) => setF((x) => ({ ...x, [k]: v }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    act.mutate({
      path: '/advisory',
      body: {
        content: {
          title: f.title,
          summary: c.summary,
          affected: [{ ecosystem: f.ecosystem, name: f.name, ranges: [{ type: ['npm', 'Go', 'crates.io'].includes(f.ecosystem) ? 'SEMVER' : 'ECOSYSTEM', events: [{ introduced: '0' }, ...(f.fixed ? [{ fixed: f.fixed }] : [])] }] }],
          cweIds: c.vulnerabilities.flatMap((v) => (v.cwe ? [v.cwe] : [])).slice(0, 1),
        },
      },
    });
  };
  return (
    <form onSubmit={submit}>
      <Stack>
        <TextInput label="Advisory title" required value={f.title} onChange={(e) => set('title')(e.currentTarget.value)} />
        <Group grow>
          <Select label="Ecosystem" data={ECOSYSTEMS} value={f.ecosystem} onChange={(v) => set('ecosystem')(v ?? 'npm')} />
          <TextInput label="Affected package" required value={f.name} onChange={(e) => set('name')(e.currentTarget.value)} />
          <TextInput label="Fixed in" value={f.fixed} onChange={(e) => set('fixed')(e.currentTarget.value)} />
        </Group>
        {act.isError && <div role="alert">{describeError(act.error)}</div>}
        <Group justify="flex-end">
          <Button type="submit" loading={act.isPending}>
            Draft the case advisory
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
