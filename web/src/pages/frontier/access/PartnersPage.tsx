import { Anchor, Button, Group, Modal, Select, Stack, Table, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { labelOf, useVocabulary } from '../../../api/session';
import { notifyError, useFieldErrors } from '../../../api/useFieldErrors';
import { DataTable } from '../../../components/DataTable';
import { DateTime } from '../../../components/DateTime';
import { ListState } from '../../../components/ListState';
import { OrganisationName } from '../../../components/OrganisationName';
import { OrganisationSelect } from '../../../components/OrganisationSelect';
import { PageHeader } from '../../../components/PageHeader';
import { Pager, usePaging } from '../../../components/Paging';
import { StateBadge } from '../../../components/StateBadge';
import { chosen } from '../formChecks';
import { accessCalls, accessKey, type Nomination, useNominations, usePlans } from './accessApi';

const fields = ['/planId', '/partnerOrganisationId', '/reason'] as const;

/** The vetting buttons each state allows (src/domain/frontier/partner-states.ts). */
const NEXT: Record<string, { event: 'start-vetting' | 'approve' | 'decline' | 'withdraw'; label: string }[]> = {
  nominated: [
    { event: 'start-vetting', label: 'Start vetting' },
    { event: 'withdraw', label: 'Withdraw' },
  ],
  vetting: [
    { event: 'approve', label: 'Approve partner' },
    { event: 'decline', label: 'Decline' },
    { event: 'withdraw', label: 'Withdraw' },
  ],
  approved: [{ event: 'withdraw', label: 'Withdraw' }],
};
const COLOURS: Record<string, string> = { nominated: 'blue', vetting: 'yellow', approved: 'teal', declined: 'red', withdrawn: 'gray' };

/** Nominates a critical-infrastructure defender for early access in one plan (docs/ui-forms.md). */
function NominateForm({ onDone }: { onDone: () => void }) {
  const queryClient = useQueryClient();
  const plans = usePlans({ limit: 100, offset: 0 });
  const { errors, report, clear } = useFieldErrors(fields);
  const [planId, setPlanId] = useState<string | null>(null);
  const [partner, setPartner] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const save = useMutation({
    mutationFn: () => {
      const c = chosen({ planId, partnerOrganisationId: partner });
      // The sector is the partner's first one (the API's default); an operator of several can be nominated again per sector through the API.
      return accessCalls.nominate({ planId: c.planId, partnerOrganisationId: c.partnerOrganisationId, reason });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: [accessKey] });
      onDone();
    },
    onError: report,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const planOptions = (plans.data?.items ?? []).map((p) => ({ value: p.id, label: p.version ? `${p.version.modelName} ${p.version.version}` : p.versionId }));
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Select
          label="Access plan"
          required
          data={planOptions}
          value={planId}
          onChange={(v) => {
            setPlanId(v);
            clear('/planId');
          }}
          error={errors['/planId']}
        />
        <OrganisationSelect
          label="Partner organisation"
          description="A critical-infrastructure operator"
          required
          value={partner}
          onChange={(id) => {
            setPartner(id);
            clear('/partnerOrganisationId');
          }}
          error={errors['/partnerOrganisationId']}
        />
        <Textarea
          label="Why this partner"
          value={reason}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            clear('/reason');
          }}
          error={errors['/reason']}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            Nominate
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function VettingButtons({ n }: { n: Nomination }) {
  const queryClient = useQueryClient();
  const move = useMutation({
    mutationFn: (event: 'start-vetting' | 'approve' | 'decline' | 'withdraw') => accessCalls.transitionPartner(n.id, { event }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: [accessKey] }),
    onError: (e) => notifyError(e),
  });
  return (
    <Group gap="xs" wrap="nowrap">
      {(NEXT[n.state] ?? []).map((b) => (
        <Button key={b.event} size="xs" variant="light" loading={move.isPending && move.variables === b.event} onClick={() => move.mutate(b.event)}>
          {b.label}
        </Button>
      ))}
    </Group>
  );
}

/** Trusted partners: critical-infrastructure defenders nominated for early access, and their vetting. */
export function PartnersPage() {
  const vocabulary = useVocabulary();
  const paging = usePaging(50);
  const list = useNominations({ limit: paging.limit, offset: paging.offset });
  const [nominating, setNominating] = useState(false);
  return (
    <>
      <PageHeader
        title="Trusted partners"
        description="Critical-infrastructure defenders nominated by developers or the government for voluntary early access. An approved partner can hold grants in the plan, and sees only its own."
        action={<Button onClick={() => setNominating(true)}>Nominate a partner</Button>}
      />
      <ListState query={list} empty="No nominations yet.">
        {(page) => (
          <>
            <DataTable
              label="Trusted-partner nominations"
              columns={['Partner', 'Sector', 'Plan', 'Nominated by', 'State', 'Since']}
              withActions
              minWidth={1000}
            >
              {page.items.map((n) => (
                <Table.Tr key={n.id}>
                  <Table.Td>
                    <OrganisationName id={n.partnerOrganisationId} />
                  </Table.Td>
                  <Table.Td>{labelOf(vocabulary.data?.sectors, n.sector)}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/frontier/plans/${n.planId}`} size="sm">
                      plan
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{n.nominatedBy}</Table.Td>
                  <Table.Td>
                    <StateBadge colour={COLOURS[n.state] ?? 'gray'}>{n.state}</StateBadge>
                  </Table.Td>
                  <Table.Td>
                    <DateTime value={n.updatedAt} />
                  </Table.Td>
                  <Table.Td>
                    <VettingButtons n={n} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
            <Pager page={paging.page} onChange={paging.setPage} total={page.total} pageSize={paging.limit} noun="nominations" />
          </>
        )}
      </ListState>
      <Modal opened={nominating} onClose={() => setNominating(false)} title="Nominate a trusted partner" size="lg">
        <NominateForm onDone={() => setNominating(false)} />
      </Modal>
    </>
  );
}
