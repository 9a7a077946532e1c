import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useUsers } from '../../api/users';
import { AddButton } from '../../components/AddButton';
import { DataTable } from '../../components/DataTable';
import { ListState } from '../../components/ListState';
import { OrganisationSelect } from '../../components/OrganisationSelect';
import { PageHeader } from '../../components/PageHeader';
import { Pager, usePaging } from '../../components/Paging';
import { InviteUserModal } from './InviteUserModal';
import { UserRow } from './UserRow';

const columns = ['Name', 'Organisation', 'Role', 'Clearance', 'Status', 'Last login'];

/** Users of the organisations the caller administers: invite, set role and clearance, disable. */
export function UsersPage() {
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const paging = usePaging();
  const users = useUsers({ organisationId: organisationId ?? undefined, limit: paging.limit, offset: paging.offset });
  const [inviting, setInviting] = useState(false);

  return (
    <>
      <PageHeader
        title="Users"
        description="Each user belongs to one organisation and has a role and a clearance level."
        action={<AddButton label="Invite user" icon={IconUserPlus} onClick={() => setInviting(true)} />}
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
            <DataTable label="Users" columns={columns} withActions minWidth={900} verticalSpacing="xs">
              {page.items.map((user) => (
                <UserRow key={user.id} user={user} />
              ))}
            </DataTable>
            <Pager page={paging.page} onChange={paging.setPage} total={page.total} noun="users" />
          </>
        )}
      </ListState>
      <InviteUserModal opened={inviting} onClose={() => setInviting(false)} />
    </>
  );
}
