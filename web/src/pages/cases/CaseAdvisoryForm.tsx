import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { describeError } from '../../api/problem';
import type { CaseDetail } from './caseApi';
import { useCaseAction } from './useCaseAction';

const ECOSYSTEMS = ['npm', 'PyPI', 'Go', 'crates.io', 'Maven', 'NuGet', 'RubyGems', 'Packagist'];
/** purl type → OSV ecosystem, for the default of the override (the server derives the same). */
const ECOSYSTEM_OF_PURL: Record<string, string> = {
  npm: 'npm',
  pypi: 'PyPI',
  golang: 'Go',
  cargo: 'crates.io',
  maven: 'Maven',
  nuget: 'NuGet',
  gem: 'RubyGems',
  composer: 'Packagist',
};
const ecosystemOf = (product: string | null | undefined): string | null => ECOSYSTEM_OF_PURL[/^pkg:([^/]+)\//.exec(product ?? '')?.[1] ?? ''] ?? null;

/**
 * Drafts the case's advisory. The server starts from what the case knows — each report's
 * package in its own ecosystem, CVSS, CWE, the vendors' fixed versions and the consented public
 * credits — and puts the vendors on its access list; a package typed here replaces the derived one.
 */
export function CaseAdvisoryForm({ c }: { c: CaseDetail }) {
  const act = useCaseAction(c.id);
  const derived = ecosystemOf(c.vulnerabilities.find((v) => v.product)?.product);
  const [f, setF] = useState({ title: c.title, ecosystem: derived ?? '', name: '', fixed: '' });
  const set = (k: keyof typeof f) => (v: string) => setF((x) => ({ ...x, [k]: v }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const ecosystem = f.ecosystem || 'npm';
    act.mutate({
      path: '/advisory',
      body: {
        content: {
          title: f.title,
          ...(f.name.trim()
            ? {
                affected: [
                  {
                    ecosystem,
                    name: f.name.trim(),
                    ranges: [
                      {
                        type: ['npm', 'Go', 'crates.io'].includes(ecosystem) ? 'SEMVER' : 'ECOSYSTEM',
                        events: [{ introduced: '0' }, ...(f.fixed ? [{ fixed: f.fixed }] : [])],
                      },
                    ],
                  },
                ],
              }
            : {}),
        },
      },
    });
  };
  return (
    <form onSubmit={submit}>
      <Stack>
        <TextInput label="Advisory title" required value={f.title} onChange={(e) => set('title')(e.currentTarget.value)} />
        <Text size="sm" c="dimmed">
          Affected packages, severity, weaknesses, the vendors’ fixed versions and the finders’ consented credits come from the case. Name a package only to
          replace them.
        </Text>
        <Group grow>
          <Select
            label="Ecosystem"
            data={ECOSYSTEMS}
            clearable
            placeholder="from the reports"
            value={f.ecosystem || null}
            onChange={(v) => set('ecosystem')(v ?? '')}
          />
          <TextInput label="Affected package" placeholder="from the reports" value={f.name} onChange={(e) => set('name')(e.currentTarget.value)} />
          <TextInput label="Fixed in" placeholder="from vendor statements" value={f.fixed} onChange={(e) => set('fixed')(e.currentTarget.value)} />
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
