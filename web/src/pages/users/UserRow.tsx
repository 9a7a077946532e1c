import { Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { idIn, toOptions, useCurrentSession, useVocabulary } from '../../api/session';
import { notifyError } from '../../api/useFieldErrors';
import { type User, type UserStatus, updateUser, userKey } from '../../api/users';
import { ConfirmModal } from '../../components/ConfirmModal';
import { DateTime } from '../../components/DateTime';
import { StateBadge } from '../../components/StateBadge';
import { OrganisationName } from '../../components/OrganisationName';
import { auditLink } from '../audit/auditLink';

const statusColour: Record<UserStatus, string> = { active: 'teal', invited: 'blue', disabled: 'gray' };

/** One user: role and clearance change in place; disabling asks first. */
export function UserRow({ user }: { user: User }) {
  const session = useCurrentSession();
  const vocabulary = useVocabulary().data;
  const client = useQueryClient();
  const [confirmDisable, setConfirmDisable] = useState(false);
  const self = user.id === session.user.id;

  const update = useMutation({
    mutationFn: (change: Parameters<typeof updateUser>[1]) => updateUser(user.id, change),
    onSuccess: () => {
      setConfirmDisable(false);
      void client.invalidateQueries({ queryKey: [userKey] });
    },
    onError: (error) => notifyError(error, `Could not change ${user.name || user.email}`),
  });
  const who = user.name || user.email;

  return (
    <Table.Tr>
      <Table.Td>
        <Stack gap={0}>
          <Text size="sm" fw={600}>
            {user.name || '—'}
          </Text>
          <Text size="xs" c="dimmed">
            {user.email}
          </Text>
        </Stack>
      </Table.Td>
      <Table.Td>
        <OrganisationName id={user.organisationId} />
      </Table.Td>
      <Table.Td>
        <Select
          aria-label={`Role of ${who}`}
          size="xs"
          w={120}
          data={toOptions(vocabulary?.roles)}
          value={user.role}
          allowDeselect={false}
          disabled={update.isPending || self}
          onChange={(chosen) => {
            const role = idIn(vocabulary?.roles, chosen);
            if (role && role !== user.role) update.mutate({ role });
          }}
        />
      </Table.Td>
      <Table.Td>
        <Select
          aria-label={`Clearance of ${who}`}
          size="xs"
          w={136}
          data={toOptions(vocabulary?.clearances)}
          value={user.clearance}
          allowDeselect={false}
          disabled={update.isPending}
          onChange={(chosen) => {
            const clearance = idIn(vocabulary?.clearances, chosen);
            if (clearance && clearance !== user.clearance) update.mutate({ clearance });
          }}
        />
      </Table.Td>
      <Table.Td>
        <StateBadge colour={statusColour[user.status]}>{user.status}</StateBadge>
      </Table.Td>
      <Table.Td>
        <DateTime value={user.lastLoginAt} empty="Never" />
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap" justify="flex-end">
          {!self &&
            (user.status === 'disabled' ? (
              <Button size="compact-sm" variant="subtle" onClick={() => update.mutate({ disabled: false })} aria-label={`Enable ${who}`}>
                Enable
              </Button>
            ) : (
              <Button size="compact-sm" variant="subtle" color="red" onClick={() => setConfirmDisable(true)} aria-label={`Disable ${who}`}>
                Disable
              </Button>
            ))}
          <Button size="compact-sm" variant="subtle" component={Link} to={auditLink('user', user.id)} aria-label={`Audit trail of ${who}`}>
            Audit
          </Button>
        </Group>
        <ConfirmModal
          opened={confirmDisable}
          onClose={() => setConfirmDisable(false)}
          title="Disable user"
          confirmLabel="Disable user"
          loading={update.isPending}
          onConfirm={() => update.mutate({ disabled: true })}
        >
          {who} will no longer be able to log in until enabled again.
        </ConfirmModal>
      </Table.Td>
    </Table.Tr>
  );
}
