import { Button, Group, Modal, SegmentedControl, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { describeError } from '../../api/problem';
import { ListState } from '../../components/ListState';
import { PageHeader } from '../../components/PageHeader';
import { Pager, usePaging } from '../../components/Paging';
import { casesKey, useCases, type CaseSummary } from './caseApi';
import { CaseTable } from './CaseTable';

function OpenCaseForm() {
  const client = useQueryClient();
  const navigate = useNavigate();
  const [f, setF] = useState({ kind: 'single', title: '', summary: '', reportIds: '', pattern: '' });
  const set = (k: keyof typeof f) => (v: string) => setF((c) => ({ ...c, [k]: v }));
  const open = useMutation({
    mutationFn: () =>
      api.post<CaseSummary>('/api/cases', {
        kind: f.kind,
        title: f.title,
        summary: f.summary,
        reportIds: f.reportIds.split(/[\s,]+/).filter(Boolean),
        ...(f.kind === 'campaign' ? { pattern: f.pattern } : {}),
      }),
    onSuccess: (c) => {
      void client.invalidateQueries({ queryKey: [casesKey] });
      void navigate(`/cases/${c.id}`);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    open.mutate();
  };
  return (
    <form onSubmit={submit}>
      <Stack>
        <SegmentedControl
          data={[
            { value: 'single', label: 'From reports' },
            { value: 'campaign', label: 'Campaign' },
          ]}
          value={f.kind}
          onChange={set('kind')}
        />
        <TextInput label="Title" required value={f.title} onChange={(e) => set('title')(e.currentTarget.value)} />
        <Textarea label="Summary" required value={f.summary} onChange={(e) => set('summary')(e.currentTarget.value)} />
        <Textarea
          label="Accepted report ids"
          description="One or more, separated by spaces or commas"
          value={f.reportIds}
          onChange={(e) => set('reportIds')(e.currentTarget.value)}
        />
        {f.kind === 'campaign' && <TextInput label="Bug pattern" value={f.pattern} onChange={(e) => set('pattern')(e.currentTarget.value)} />}
        {open.isError && <div role="alert">{describeError(open.error)}</div>}
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
