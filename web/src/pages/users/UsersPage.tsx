import { Button, Table, VisuallyHidden } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useUsers } from '../../api/users';
import { ListState } from '../../components/ListState';
import { OrganisationSelect } from '../../components/OrganisationSelect';
import { PageHeader } from '../../components/PageHeader';
import { Pager, usePaging } from '../../components/Paging';
import { InviteUserModal } from './InviteUserModal';
import { UserRow } from './UserRow';

/** Users of the organisations the caller administers: invite, set role and clearance, disable. */
export function UsersPage() {
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const paging = usePaging();
  const users = useUsers({ organisationId, limit: paging.limit, offset: paging.offset });
  const [inviting, setInviting] = useState(false);

  return (
    <>
      <PageHeader
        title="Users"
        description="Each user belongs to one organisation and has a role and a clearance level."
        action={
          <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => setInviting(true)}>
            Invite user
          </Button>
        }
      />
      <OrganisationSelect
        label="Filter by organisation"
        placeholder="All organisations"
        clearable
        value={organisationId}
        onChange={(id) => {
          setOrganisationId(id);
          paging.reset();
        }}
        maw={360}
        mb="md"
      />
      <ListState query={users} empty="No users match.">
        {(page) => (
          <>
            <Table.ScrollContainer minWidth={900}>
              <Table striped highlightOnHover aria-label="Users" verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Name</Table.Th>
                    <Table.Th>Organisation</Table.Th>
                    <Table.Th>Role</Table.Th>
                    <Table.Th>Clearance</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th>Last login</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {page.items.map((user) => (
                    <UserRow key={user.id} user={user} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Pager page={paging.page} onChange={paging.setPage} total={page.total} noun="users" />
          </>
        )}
      </ListState>
      <InviteUserModal opened={inviting} onClose={() => setInviting(false)} />
    </>
  );
}
