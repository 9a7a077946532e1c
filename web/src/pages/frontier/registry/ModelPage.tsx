import { Alert, Anchor, Button, Card, Group, Modal, MultiSelect, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { describeError } from '../../../api/problem';
import { useVocabulary } from '../../../api/session';
import { useFieldErrors } from '../../../api/useFieldErrors';
import { DataTable } from '../../../components/DataTable';
import { DateTime } from '../../../components/DateTime';
import { PageHeader } from '../../../components/PageHeader';
import { isoOf } from '../access/GrantForm';
import { oneOf, wordOptions } from '../formChecks';
import { registryCalls, registryKey, useModel } from './registryApi';

const fields = ['/version', '/releaseChannels', '/plannedTrustedPartnerRelease', '/plannedGeneralRelease'] as const;

/** Adds a version with its release plan (docs/ui-forms.md). */
function AddVersionForm({ modelId }: { modelId: string }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const vocabulary = useVocabulary();
  const { errors, report, clear } = useFieldErrors(fields);
  const [version, setVersion] = useState('');
  const [channels, setChannels] = useState<string[]>([]);
  const [partners, setPartners] = useState('');
  const [general, setGeneral] = useState('');
  const save = useMutation({
    mutationFn: () =>
      registryCalls.addVersion(modelId, {
        version,
        releaseChannels: channels.flatMap((c) => oneOf(vocabulary.data?.frontier.releaseChannels, c) ?? []),
        plannedTrustedPartnerRelease: partners ? isoOf(partners) : null,
        plannedGeneralRelease: general ? isoOf(general) : null,
      }),
    onSuccess: (v) => {
      void queryClient.invalidateQueries({ queryKey: [registryKey] });
      void navigate(`/frontier/versions/${v.id}`);
    },
    onError: report,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          label="Version"
          required
          value={version}
          onChange={(e) => {
            setVersion(e.currentTarget.value);
            clear('/version');
          }}
          error={errors['/version']}
        />
        <MultiSelect
          label="Release channels"
          data={wordOptions(vocabulary.data?.frontier.releaseChannels)}
          value={channels}
          onChange={(v) => {
            setChannels(v);
            clear('/releaseChannels');
          }}
          error={errors['/releaseChannels']}
        />
        <SimpleGrid cols={2}>
          <TextInput
            label="Planned release to trusted partners"
            type="datetime-local"
            value={partners}
            onChange={(e) => {
              setPartners(e.currentTarget.value);
              clear('/plannedTrustedPartnerRelease');
            }}
            error={errors['/plannedTrustedPartnerRelease']}
          />
          <TextInput
            label="Planned public release"
            type="datetime-local"
            value={general}
            onChange={(e) => {
              setGeneral(e.currentTarget.value);
              clear('/plannedGeneralRelease');
            }}
            error={errors['/plannedGeneralRelease']}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            Add version
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** One model and its versions. */
export function ModelPage() {
  const { modelId = '' } = useParams();
  const model = useModel(modelId);
  const [adding, setAdding] = useState(false);
  if (model.isPending) return <Text>Loading…</Text>;
  if (model.isError) return <Alert color="red">{describeError(model.error)}</Alert>;
  const m = model.data;
  return (
    <>
      <PageHeader
        title={m.name}
        description={[m.family && `Family ${m.family}`, m.description].filter(Boolean).join(' · ') || undefined}
        action={<Button onClick={() => setAdding(true)}>Add a version</Button>}
      />
      <Card withBorder mb="md">
        <Title order={3} mb="sm">
          Versions
        </Title>
        <DataTable label="Versions" columns={['Version', 'Channels', 'Trusted partners', 'Public release']} minWidth={700}>
          {m.versions.map((v) => (
            <Table.Tr key={v.id}>
              <Table.Td>
                <Anchor component={Link} to={`/frontier/versions/${v.id}`}>
                  {v.version}
                </Anchor>
              </Table.Td>
              <Table.Td>{v.releaseChannels.join(', ') || '—'}</Table.Td>
              <Table.Td>
                <DateTime value={v.plannedTrustedPartnerRelease} />
              </Table.Td>
              <Table.Td>
                <DateTime value={v.plannedGeneralRelease} />
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
        {m.versions.length === 0 && (
          <Text c="dimmed" size="sm" mt="sm">
            No versions yet.
          </Text>
        )}
      </Card>
      <Modal opened={adding} onClose={() => setAdding(false)} title="Add a version" size="lg">
        <AddVersionForm modelId={m.id} />
      </Modal>
    </>
  );
}
