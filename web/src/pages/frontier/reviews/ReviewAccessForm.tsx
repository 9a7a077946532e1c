import { Button, Group, MultiSelect, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useFieldErrors } from '../../../api/useFieldErrors';
import { useUsers } from '../../../api/users';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { DataTable } from '../../../components/DataTable';
import { useConfirmedAction } from '../../../components/useConfirmedAction';
import { type Review, reviewCalls, reviewKey } from './reviewApi';

const fields = ['/users'] as const;

/**
 * The review's access list, and the form that names more users on it: only active users cleared
 * for the review's classification are accepted (the server names the others; docs/ui-forms.md).
 * A user is taken off after a confirmation; the server keeps at least one cleared analyst on it.
 */
export function ReviewAccessForm({ review }: { review: Review }) {
  const queryClient = useQueryClient();
  const users = useUsers({ limit: 200, offset: 0 });
  const { errors, report, clear } = useFieldErrors(fields);
  const [chosen, setChosen] = useState<string[]>([]);
  const known = new Map((users.data?.items ?? []).map((u) => [u.id, u]));
  const remove = useConfirmedAction(reviewKey, (userId: string) => reviewCalls.removeAccess(review.id, userId), 'Could not take the user off the access list');
  const nameOf = (id: string) => {
    const u = known.get(id);
    return u ? `${u.name} <${u.email}>` : id;
  };
  const save = useMutation({
    mutationFn: () => reviewCalls.grantAccess(review.id, { users: chosen }),
    onSuccess: () => {
      setChosen([]);
      void queryClient.invalidateQueries({ queryKey: [reviewKey] });
    },
    onError: report,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const options = (users.data?.items ?? [])
    .filter((u) => !review.accessUsers.includes(u.id))
    .map((u) => ({ value: u.id, label: `${u.name} <${u.email}> — clearance ${u.clearance.replace(/_/g, ' ').toLowerCase()}` }));
  return (
    <Stack>
      <DataTable label="Access list" columns={['User', 'Clearance', '']} minWidth={500}>
        {review.accessUsers.map((id) => {
          const u = known.get(id);
          return (
            <Table.Tr key={id}>
              <Table.Td>
                {u ? (
                  `${u.name} <${u.email}>`
                ) : (
                  <Text span ff="monospace" size="sm">
                    {id}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{u ? u.clearance.replace(/_/g, ' ').toLowerCase() : '—'}</Table.Td>
              <Table.Td>
                <Button variant="subtle" color="red" size="xs" onClick={() => remove.ask(id)} aria-label={`Take ${nameOf(id)} off the access list`}>
                  Take off
                </Button>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </DataTable>
      <form onSubmit={submit} noValidate aria-label="Review access">
        <Group align="flex-end">
          <MultiSelect
            label="Add cleared users"
            searchable
            style={{ flex: 1 }}
            data={options}
            value={chosen}
            onChange={(v) => {
              setChosen(v);
              clear('/users');
            }}
            error={errors['/users']}
          />
          <Button type="submit" loading={save.isPending}>
            Add to the access list
          </Button>
        </Group>
      </form>
      <ConfirmModal
        opened={remove.target !== null}
        onClose={remove.cancel}
        title="Take off the access list"
        confirmLabel="Take off"
        loading={remove.pending}
        onConfirm={remove.confirm}
      >
        {remove.target ? nameOf(remove.target) : ''} will no longer see this review, its history or its decision.
      </ConfirmModal>
    </Stack>
  );
}
