import { Alert, Button, Card, Group, Modal, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { describeError } from '../../../api/problem';
import { useVocabulary } from '../../../api/session';
import { useFieldErrors } from '../../../api/useFieldErrors';
import { DataTable } from '../../../components/DataTable';
import { DateTime } from '../../../components/DateTime';
import { chosen, oneOf, wordOptions, words } from '../formChecks';
import { registryCalls, registryKey, useLineage } from './registryApi';
import { VersionName } from './VersionName';
import { VersionSelect } from './VersionSelect';

const fields = ['/parentVersionId', '/kind'] as const;

/** Records a parent of a version (docs/ui-forms.md). */
function LineageForm({ versionId, onDone }: { versionId: string; onDone: () => void }) {
  const queryClient = useQueryClient();
  const vocabulary = useVocabulary();
  const { errors, report, clear } = useFieldErrors(fields);
  const [parent, setParent] = useState<string | null>(null);
  const [kind, setKind] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => registryCalls.addLineage(versionId, chosen({ parentVersionId: parent, kind: oneOf(vocabulary.data?.frontier.lineageKinds, kind) })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: [registryKey, 'version'] });
      onDone();
    },
    onError: report,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Lineage">
      <Stack>
        <Select
          label="Relation"
          required
          data={wordOptions(vocabulary.data?.frontier.lineageKinds)}
          value={kind}
          onChange={(v) => {
            setKind(v);
            clear('/kind');
          }}
          error={errors['/kind']}
        />
        <VersionSelect
          label="Parent version"
          description="Among the model versions you may see: type part of the model's name or of the version"
          required
          exclude={versionId}
          value={parent}
          onChange={(v) => {
            setParent(v);
            clear('/parentVersionId');
          }}
          error={errors['/parentVersionId']}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            Record the lineage
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Where a version came from (base model, fine-tune of, distilled from, merged from) and what came from it. */
export function LineageCard({ versionId }: { versionId: string }) {
  const lineage = useLineage(versionId);
  const [adding, setAdding] = useState(false);
  const parents = lineage.data?.parents ?? [];
  const children = lineage.data?.children ?? [];
  return (
    <Card withBorder mb="md">
      <Group justify="space-between" mb="sm">
        <Title order={3}>Lineage</Title>
        <Button size="xs" onClick={() => setAdding(true)}>
          Record a parent
        </Button>
      </Group>
      {lineage.isError && <Alert color="red">{describeError(lineage.error)}</Alert>}
      <DataTable label="Lineage" columns={['Relation', 'Version', 'Recorded']} minWidth={600}>
        {parents.map((e) => (
          <Table.Tr key={e.id}>
            <Table.Td>{words(e.kind)}</Table.Td>
            <Table.Td>
              <VersionName id={e.parentVersionId} />
            </Table.Td>
            <Table.Td>
              <DateTime value={e.createdAt} />
            </Table.Td>
          </Table.Tr>
        ))}
        {children.map((e) => (
          <Table.Tr key={e.id}>
            <Table.Td>parent of ({words(e.kind)})</Table.Td>
            <Table.Td>
              <VersionName id={e.versionId} />
            </Table.Td>
            <Table.Td>
              <DateTime value={e.createdAt} />
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      {lineage.isSuccess && parents.length + children.length === 0 && (
        <Text c="dimmed" size="sm" mt="sm">
          No lineage recorded yet.
        </Text>
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} title="Record a parent of this version" size="lg">
        <LineageForm versionId={versionId} onDone={() => setAdding(false)} />
      </Modal>
    </Card>
  );
}
