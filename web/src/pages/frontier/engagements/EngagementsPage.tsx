import { Anchor, Group, Modal, Select, Table } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { toOptions, useVocabulary } from '../../../api/session';
import { AddButton } from '../../../components/AddButton';
import { DataTable } from '../../../components/DataTable';
import { DateTime } from '../../../components/DateTime';
import { ListState } from '../../../components/ListState';
import { OrganisationName } from '../../../components/OrganisationName';
import { PageHeader } from '../../../components/PageHeader';
import { Pager, usePaging } from '../../../components/Paging';
import { VersionName } from '../registry/VersionName';
import { EngagementForm } from './EngagementForm';
import { EngagementStateBadge } from './EngagementStateBadge';
import { type EngagementFilter, useEngagements, words } from './engagementApi';

/** Every assessment engagement the caller may see, filtered by state and domain; a developer or the clearinghouse commissions new ones. */
export function EngagementsPage() {
  const paging = usePaging(50);
  const vocabulary = useVocabulary();
  const [state, setState] = useState<string | null>(null);
  const [domain, setDomain] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const query = {
    limit: paging.limit,
    offset: paging.offset,
    ...(state ? { state: state as EngagementFilter['state'] } : {}),
    ...(domain ? { domain: domain as EngagementFilter['domain'] } : {}),
  };
  const list = useEngagements(query);
  return (
    <>
      <PageHeader
        title="Assessment engagements"
        description="Third-party risk assessments of model versions: scope, independence, findings and a risk level per domain on one scale. Nothing here holds back a release."
        action={<AddButton label="Commission an assessment" onClick={() => setCreating(true)} />}
      />
      <Group mb="md">
        <Select
          label="State"
          clearable
          data={(vocabulary.data?.frontier.engagementStates ?? []).map((s) => ({ value: s, label: words(s) }))}
          value={state}
          onChange={setState}
        />
        <Select label="Risk domain" clearable data={toOptions(vocabulary.data?.frontier.riskDomains)} value={domain} onChange={setDomain} />
      </Group>
      <ListState query={list} empty="No engagements you may see.">
        {(page) => (
          <>
            <DataTable label="Engagements" columns={['Title', 'Model version', 'Assessor', 'State', 'Domains', 'Updated']} minWidth={900}>
              {page.items.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/frontier/engagements/${e.id}`}>
                      {e.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <VersionName id={e.versionId} />
                  </Table.Td>
                  <Table.Td>
                    <OrganisationName id={e.assessorOrganisationId} />
                  </Table.Td>
                  <Table.Td>
                    <EngagementStateBadge state={e.state} />
                  </Table.Td>
                  <Table.Td>{e.scope.domains.map(words).join(', ')}</Table.Td>
                  <Table.Td>
                    <DateTime value={e.updatedAt} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
            <Pager page={paging.page} onChange={paging.setPage} total={page.total} pageSize={paging.limit} noun="engagements" />
          </>
        )}
      </ListState>
      <Modal opened={creating} onClose={() => setCreating(false)} title="Commission an assessment" size="lg">
        <EngagementForm onDone={() => setCreating(false)} />
      </Modal>
    </>
  );
}
