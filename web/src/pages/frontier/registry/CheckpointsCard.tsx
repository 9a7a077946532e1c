import { Alert, Button, Card, Group, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { describeError } from '../../../api/problem';
import { useFieldErrors } from '../../../api/useFieldErrors';
import { DataTable } from '../../../components/DataTable';
import { DateTime } from '../../../components/DateTime';
import { registryCalls, registryKey, useCheckpoints } from './registryApi';

const fields = ['/hash', '/label'] as const;

/** Adds a checkpoint of a version, identified by its hash (docs/ui-forms.md). */
function CheckpointForm({ versionId, onDone }: { versionId: string; onDone: () => void }) {
  const queryClient = useQueryClient();
  const { errors, report, clear } = useFieldErrors(fields);
  const [hash, setHash] = useState('');
  const [label, setLabel] = useState('');
  const save = useMutation({
    mutationFn: () => registryCalls.addCheckpoint(versionId, { hash: hash.trim(), ...(label ? { label } : {}) }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: [registryKey, 'version', versionId] });
      onDone();
    },
    onError: report,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Checkpoint">
      <Stack>
        <TextInput
          label="Hash"
          description="sha256: followed by 64 hexadecimal digits"
          placeholder="sha256:…"
          required
          value={hash}
          onChange={(e) => {
            setHash(e.currentTarget.value);
            clear('/hash');
          }}
          error={errors['/hash']}
        />
        <TextInput
          label="Label"
          placeholder="e.g. rc-2, post-RL"
          value={label}
          onChange={(e) => {
            setLabel(e.currentTarget.value);
            clear('/label');
          }}
          error={errors['/label']}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            Add the checkpoint
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The checkpoints of a version: the hashes grants name as tested and released. */
export function CheckpointsCard({ versionId }: { versionId: string }) {
  const checkpoints = useCheckpoints(versionId);
  const [adding, setAdding] = useState(false);
  const items = checkpoints.data?.items ?? [];
  return (
    <Card withBorder mb="md">
      <Group justify="space-between" mb="sm">
        <Title order={3}>Checkpoints</Title>
        <Button size="xs" onClick={() => setAdding(true)}>
          Add a checkpoint
        </Button>
      </Group>
      {checkpoints.isError && <Alert color="red">{describeError(checkpoints.error)}</Alert>}
      <DataTable label="Checkpoints" columns={['Hash', 'Label', 'Recorded']} minWidth={700}>
        {items.map((c) => (
          <Table.Tr key={c.id}>
            <Table.Td>
              <Text span size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
                {c.hash}
              </Text>
            </Table.Td>
            <Table.Td>{c.label || '—'}</Table.Td>
            <Table.Td>
              <DateTime value={c.createdAt} />
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      {checkpoints.isSuccess && items.length === 0 && (
        <Text c="dimmed" size="sm" mt="sm">
          No checkpoints recorded yet.
        </Text>
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} title="Add a checkpoint" size="lg">
        <CheckpointForm versionId={versionId} onDone={() => setAdding(false)} />
      </Modal>
    </Card>
  );
}
