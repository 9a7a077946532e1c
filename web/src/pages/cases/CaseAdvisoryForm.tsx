import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useVocabulary } from '../../api/session';
import { useFieldErrors } from '../../api/useFieldErrors';
import { type CaseDetail, caseCalls } from './caseApi';
import { useCaseAction } from './useCaseAction';

const fields = ['/content/title', '/content/affected'] as const;

/**
 * Drafts the case's advisory. The server starts from what the case knows — each report's
 * package in its own ecosystem, CVSS, CWE, the vendors' fixed versions and the consented public
 * credits — and puts the vendors on its access list; a package typed here replaces the derived one.
 */
export function CaseAdvisoryForm({ c }: { c: CaseDetail }) {
  const ecosystems = useVocabulary().data?.ecosystems ?? [];
  const { errors, report, clear } = useFieldErrors(fields);
  const act = useCaseAction(report);
  // The default of the override: the OSV ecosystem of the first report's purl type (the server derives the same).
  const purlType = /^pkg:([^/]+)\//.exec(c.vulnerabilities.find((v) => v.product)?.product ?? '')?.[1];
  const derived = ecosystems.find((e) => e.purlType === purlType)?.name ?? '';
  const [f, setF] = useState({ title: c.title, ecosystem: '', name: '', fixed: '' });
  const ecosystem = f.ecosystem || derived || 'npm';
  const set = (k: keyof typeof f) => (v: string) => {
    setF((x) => ({ ...x, [k]: v }));
    clear(k === 'title' ? '/content/title' : '/content/affected');
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const rangeType = ecosystems.find((x) => x.name === ecosystem)?.rangeType ?? 'ECOSYSTEM';
    const affected = [
      { ecosystem, name: f.name.trim(), ranges: [{ type: rangeType, events: [{ introduced: '0' }, ...(f.fixed ? [{ fixed: f.fixed }] : [])] }] },
    ];
    act.mutate(() => caseCalls.draftAdvisory(c.id, { content: { title: f.title, ...(f.name.trim() ? { affected } : {}) } }));
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput label="Advisory title" required value={f.title} onChange={(e) => set('title')(e.currentTarget.value)} error={errors['/content/title']} />
        <Text size="sm" c="dimmed">
          Affected packages, severity, weaknesses, the vendors’ fixed versions and the finders’ consented credits come from the case. Name a package only to
          replace them.
        </Text>
        <Group grow align="flex-start">
          <Select
            label="Ecosystem"
            data={ecosystems.map((x) => x.name)}
            searchable
            clearable
            placeholder="from the reports"
            value={f.ecosystem || derived || null}
            onChange={(v) => set('ecosystem')(v ?? '')}
          />
          <TextInput
            label="Affected package"
            placeholder="from the reports"
            value={f.name}
            onChange={(e) => set('name')(e.currentTarget.value)}
            error={errors['/content/affected']}
          />
          <TextInput label="Fixed in" placeholder="from vendor statements" value={f.fixed} onChange={(e) => set('fixed')(e.currentTarget.value)} />
        </Group>
        <Group justify="flex-end">
          <Button type="submit" loading={act.isPending}>
            Draft the case advisory
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
