import { Anchor, Badge, Button, Group, Modal, Select, Table, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { type BodyOf, body, client } from '../../api/client';
import { describeError } from '../../api/problem';
import { useVocabulary } from '../../api/session';
import { DataTable } from '../../components/DataTable';
import { DateTime } from '../../components/DateTime';
import { agreedEmbargoEnd, EarlyDisclosureModal } from '../../components/EarlyDisclosureModal';
import { ListState } from '../../components/ListState';
import { PageHeader } from '../../components/PageHeader';
import { Pager, usePaging } from '../../components/Paging';
import { casesKey, fetchCase } from '../cases/caseApi';
import { type Advisory, type AdvisoryState, advisoriesKey, useDeskAdvisories } from './advisoryApi';
import { DraftAdvisoryForm } from './DraftAdvisoryForm';

/** One step of the advisory state machine that the desk offers, with its request body. */
type Step =
  | { verb: 'schedule'; body: BodyOf<'/api/advisories/{id}/schedule', 'post'> }
  | { verb: 'unschedule' }
  | { verb: 'publish'; body: BodyOf<'/api/advisories/{id}/publish', 'post'> }
  | { verb: 'withdraw'; body: BodyOf<'/api/advisories/{id}/withdraw', 'post'> };

/** The buttons each state allows (the state machine in src/domain/advisory/state.ts). */
function Actions({ a }: { a: Advisory }) {
  const queryClient = useQueryClient();
  const [when, setWhen] = useState('');
  const [confirming, setConfirming] = useState(false);
  // The case's agreed embargo, read when "Publish now" is asked for: publishing before it needs the date and a reason.
  const kase = useQuery({
    queryKey: [casesKey, a.caseId],
    queryFn: () => fetchCase(a.caseId!),
    enabled: confirming && a.caseId !== null,
  });
  const act = useMutation({
    mutationFn: (step: Step) => {
      const path = { params: { path: { id: a.id } } };
      switch (step.verb) {
        case 'schedule':
          return body(client.POST('/api/advisories/{id}/schedule', { ...path, body: step.body }));
        case 'unschedule':
          return body(client.POST('/api/advisories/{id}/unschedule', path));
        case 'publish':
          return body(client.POST('/api/advisories/{id}/publish', { ...path, body: step.body }));
        case 'withdraw':
          return body(client.POST('/api/advisories/{id}/withdraw', { ...path, body: step.body }));
      }
    },
    onSuccess: () => {
      setConfirming(false);
      void queryClient.invalidateQueries({ queryKey: [advisoriesKey] });
      void queryClient.invalidateQueries({ queryKey: [casesKey] });
    },
  });
  return (
    <Group gap="xs" wrap="nowrap">
      {(a.state === 'draft' || a.state === 'scheduled') && (
        <>
          <TextInput aria-label={`Publication time of ${a.id}`} type="datetime-local" size="xs" value={when} onChange={(e) => setWhen(e.currentTarget.value)} />
          <Button
            size="xs"
            variant="light"
            disabled={!when}
            onClick={() => act.mutate({ verb: 'schedule', body: { publishAt: new Date(when).toISOString() } })}
          >
            Schedule
          </Button>
          <Button size="xs" onClick={() => setConfirming(true)}>
            Publish now
          </Button>
          <EarlyDisclosureModal
            opened={confirming && (a.caseId === null || kase.isSuccess || kase.isError)}
            onClose={() => setConfirming(false)}
            action="Publish now"
            subject={a.title}
            agreed={agreedEmbargoEnd(kase.data?.embargo)}
            pending={act.isPending}
            onConfirm={(body) => act.mutate({ verb: 'publish', body })}
          />
        </>
      )}
      {a.state === 'scheduled' && (
        <Button size="xs" variant="subtle" onClick={() => act.mutate({ verb: 'unschedule' })}>
          Unschedule
        </Button>
      )}
      {a.state === 'published' && (
        <Button
          size="xs"
          color="red"
          variant="light"
          onClick={() => {
            const reason = window.prompt(`Why is ${a.id} withdrawn?`);
            if (reason) act.mutate({ verb: 'withdraw', body: { reason } });
          }}
        >
          Withdraw
        </Button>
      )}
      {act.isError && <span role="alert">{describeError(act.error)}</span>}
    </Group>
  );
}

/** Coordinators' desk: AISC advisories in every state; draft, schedule, publish, withdraw. */
export function AdvisoryDeskPage() {
  const advisoryStates = useVocabulary().data?.advisoryStates;
  const [state, setState] = useState<AdvisoryState | null>(null);
  const [drafting, setDrafting] = useState(false);
  const paging = usePaging(50);
  const list = useDeskAdvisories(state, { limit: paging.limit, offset: paging.offset });
  return (
    <>
      <PageHeader
        title="Advisory desk"
        description="Drafts stay under embargo (TLP:AMBER+STRICT or RED: the coordinators and those they list) until published, and get their public AISC id then; a scheduled advisory is published by the worker at its time."
        action={<Button onClick={() => setDrafting(true)}>New draft</Button>}
      />
      <Select
        label="State"
        data={advisoryStates ?? []}
        value={state}
        onChange={(chosen) => setState(advisoryStates?.find((s) => s === chosen) ?? null)}
        clearable
        mb="md"
        w={220}
      />
      <ListState query={list} empty="No advisories here yet.">
        {(page) => (
          <>
            <DataTable label="Advisories" columns={['Id', 'Title', 'State', 'Publication', 'Actions']} minWidth={1000}>
              {page.items.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    {a.state === 'published' || a.state === 'withdrawn' ? (
                      <Anchor component={Link} to={`/advisories/${encodeURIComponent(a.id)}`}>
                        {a.id}
                      </Anchor>
                    ) : (
                      a.id
                    )}
                  </Table.Td>
                  <Table.Td>{a.title}</Table.Td>
                  <Table.Td>
                    <Badge variant="light">{a.state}</Badge> <Badge variant="outline">TLP:{a.marking.tlp}</Badge>
                  </Table.Td>
                  <Table.Td>
                    <DateTime value={a.publishedAt ?? a.publishAt} />
                  </Table.Td>
                  <Table.Td>
                    <Actions a={a} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
            <Pager page={paging.page} onChange={paging.setPage} total={page.total} pageSize={paging.limit} noun="advisories" />
          </>
        )}
      </ListState>
      <Modal opened={drafting} onClose={() => setDrafting(false)} title="New advisory draft" size="lg">
        <DraftAdvisoryForm onDone={() => setDrafting(false)} />
      </Modal>
    </>
  );
}
