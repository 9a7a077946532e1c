import { Button, Group, Modal, SegmentedControl, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useFieldErrors } from '../../api/useFieldErrors';
import { ListState } from '../../components/ListState';
import { PageHeader } from '../../components/PageHeader';
import { Pager, usePaging } from '../../components/Paging';
import { casesKey, openCase, useCases } from './caseApi';
import { CaseTable } from './CaseTable';

const fields = ['/kind', '/title', '/summary', '/reportIds', '/pattern'] as const;

/** Opens a case from accepted reports, or a campaign for one bug pattern (docs/ui-forms.md). */
function OpenCaseForm() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [f, setF] = useState<{ kind: 'single' | 'campaign'; title: string; summary: string; reportIds: string; pattern: string }>({
    kind: 'single',
    title: '',
    summary: '',
    reportIds: '',
    pattern: '',
  });
  const { errors, report, clear } = useFieldErrors(fields);
  const set = (k: Exclude<keyof typeof f, 'kind'>) => (v: string) => {
    setF((c) => ({ ...c, [k]: v }));
    clear(`/${k}`);
  };
  const open = useMutation({
    mutationFn: () =>
      openCase({
        kind: f.kind,
        title: f.title,
        summary: f.summary,
        reportIds: f.reportIds.split(/[\s,]+/).filter(Boolean),
        ...(f.kind === 'campaign' ? { pattern: f.pattern } : {}),
      }),
    onSuccess: (c) => {
      void queryClient.invalidateQueries({ queryKey: [casesKey] });
      void navigate(`/cases/${c.id}`);
    },
    onError: report,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    open.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <SegmentedControl
          data={[
            { value: 'single', label: 'From reports' },
            { value: 'campaign', label: 'Campaign' },
          ]}
          value={f.kind}
          onChange={(kind) => setF((c) => ({ ...c, kind: kind === 'campaign' ? 'campaign' : 'single' }))}
        />
        <TextInput label="Title" required value={f.title} onChange={(e) => set('title')(e.currentTarget.value)} error={errors['/title']} />
        <Textarea label="Summary" required value={f.summary} onChange={(e) => set('summary')(e.currentTarget.value)} error={errors['/summary']} />
        <Textarea
          label="Accepted report ids"
          description="One or more, separated by spaces or commas"
          value={f.reportIds}
          onChange={(e) => set('reportIds')(e.currentTarget.value)}
          error={errors['/reportIds']}
        />
        {f.kind === 'campaign' && (
          <TextInput label="Bug pattern" value={f.pattern} onChange={(e) => set('pattern')(e.currentTarget.value)} error={errors['/pattern']} />
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={open.isPending}>
            Open case
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Coordination cases the caller takes part in; coordinators open new ones here. */
export function CasesPage() {
  const paging = usePaging(50);
  const list = useCases({ limit: paging.limit, offset: paging.offset });
  const [opening, setOpening] = useState(false);
  return (
    <>
      <PageHeader
        title="Cases"
        description="Coordinated disclosure: vendors see a case once invited, and only their own statements and private threads."
        action={<Button onClick={() => setOpening(true)}>Open a case</Button>}
      />
      <ListState query={list} empty="No cases yet.">
        {(page) => (
          <>
            <CaseTable label="Cases" cases={page.items} />
            <Pager page={paging.page} onChange={paging.setPage} total={page.total} pageSize={paging.limit} noun="cases" />
          </>
        )}
      </ListState>
      <Modal opened={opening} onClose={() => setOpening(false)} title="Open a case" size="lg">
        <OpenCaseForm />
      </Modal>
    </>
  );
}
