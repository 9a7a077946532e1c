import { Badge, Button, Group, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { type Organisation, useOrganisations } from '../../api/organisations';
import { labelOf, useCurrentSession, useVocabulary } from '../../api/session';
import { AddButton } from '../../components/AddButton';
import { DataTable } from '../../components/DataTable';
import { DateTime } from '../../components/DateTime';
import { ListState } from '../../components/ListState';
import { OrganisationName } from '../../components/OrganisationName';
import { PageHeader } from '../../components/PageHeader';
import { Pager, usePaging } from '../../components/Paging';
import { auditLink } from '../audit/auditLink';
import { OrganisationFormModal } from './OrganisationFormModal';

const columns = ['Name', 'Kind', 'Sectors', 'Client of', 'Created'];

/** Every organisation the caller may see: search by name, page, create and edit. */
export function OrganisationsPage() {
  const vocabulary = useVocabulary().data;
  // Creating and changing organisations is for platform administrators (the server checks too).
  const canManage = useCurrentSession().platformAdmin;
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const paging = usePaging();
  const organisations = useOrganisations({ q, limit: paging.limit, offset: paging.offset });
  const [editing, setEditing] = useState<Organisation | null>(null);
  const [formOpen, setFormOpen] = useState(false);

  const open = (organisation: Organisation | null) => {
    setEditing(organisation);
    setFormOpen(true);
  };

  return (
    <>
      <PageHeader
        title="Organisations"
        description="Government agencies, AI developers, vendors, operators, assessors and researchers on this clearinghouse."
        action={canManage && <AddButton label="Create organisation" onClick={() => open(null)} />}
      />
      <TextInput
        label="Search organisations"
        placeholder="Name"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={search}
        onChange={(e) => {
          setSearch(e.currentTarget.value);
          paging.reset();
        }}
        maw={360}
        mb="md"
      />
      <ListState query={organisations} empty={q ? `No organisation matches “${q}”.` : 'No organisations yet.'}>
        {(page) => (
          <>
            <DataTable label="Organisations" columns={columns} withActions minWidth={760} highlightOnHover>
              {page.items.map((org) => (
                <Table.Tr key={org.id}>
                  <Table.Td>
                    <Group gap={6}>
                      <Text fw={600} size="sm">
                        {org.name}
                      </Text>
                      {org.coordinator && (
                        <Badge size="xs" variant="outline">
                          Coordinator
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{labelOf(vocabulary?.organisationKinds, org.kind)}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {org.sectors.map((sector) => (
                        <Badge key={sector} size="sm" variant="light" color="grape">
                          {labelOf(vocabulary?.sectors, sector)}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <OrganisationName id={org.parentId} />
                  </Table.Td>
                  <Table.Td>
                    <DateTime value={org.createdAt} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap" justify="flex-end">
                      {canManage && (
                        <Button size="compact-sm" variant="subtle" onClick={() => open(org)} aria-label={`Edit ${org.name}`}>
                          Edit
                        </Button>
                      )}
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        component={Link}
                        to={auditLink('organisation', org.id)}
                        aria-label={`Audit trail of ${org.name}`}
                      >
                        Audit
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
            <Pager page={paging.page} onChange={paging.setPage} total={page.total} noun="organisations" />
          </>
        )}
      </ListState>
      <OrganisationFormModal opened={formOpen} onClose={() => setFormOpen(false)} organisation={editing} />
    </>
  );
}
