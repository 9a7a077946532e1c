import { Anchor, Button, Group, Modal, MultiSelect, Stack, Table, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useVocabulary } from '../../../api/session';
import { useFieldErrors } from '../../../api/useFieldErrors';
import { DataTable } from '../../../components/DataTable';
import { DateTime } from '../../../components/DateTime';
import { ListState } from '../../../components/ListState';
import { PageHeader } from '../../../components/PageHeader';
import { Pager, usePaging } from '../../../components/Paging';
import { oneOf, wordOptions } from '../formChecks';
import { registryCalls, registryKey, useModels } from './registryApi';

const fields = ['/name', '/family', '/description', '/modalities'] as const;

/** Registers a model of the caller's organisation (docs/ui-forms.md). */
function RegisterModelForm() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const vocabulary = useVocabulary();
  const { errors, report, clear } = useFieldErrors(fields);
  const [name, setName] = useState('');
  const [family, setFamily] = useState('');
  const [description, setDescription] = useState('');
  const [modalities, setModalities] = useState<string[]>([]);
  const save = useMutation({
    mutationFn: () =>
      registryCalls.registerModel({
        name,
        family: family || null,
        description,
        modalities: modalities.flatMap((m) => oneOf(vocabulary.data?.frontier.modalities, m) ?? []),
      }),
    onSuccess: (m) => {
      void queryClient.invalidateQueries({ queryKey: [registryKey] });
      void navigate(`/frontier/models/${m.id}`);
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
          label="Model name"
          required
          value={name}
          onChange={(e) => {
            setName(e.currentTarget.value);
            clear('/name');
          }}
          error={errors['/name']}
        />
        <TextInput
          label="Family"
          value={family}
          onChange={(e) => {
            setFamily(e.currentTarget.value);
            clear('/family');
          }}
          error={errors['/family']}
        />
        <Textarea
          label="Description"
          value={description}
          onChange={(e) => {
            setDescription(e.currentTarget.value);
            clear('/description');
          }}
          error={errors['/description']}
        />
        <MultiSelect
          label="Modalities"
          data={wordOptions(vocabulary.data?.frontier.modalities)}
          value={modalities}
          onChange={(v) => {
            setModalities(v);
            clear('/modalities');
          }}
          error={errors['/modalities']}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            Register model
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The frontier models the caller may see: its own organisation's, and for government analysts what they are cleared for. */
export function ModelsPage() {
  const paging = usePaging(50);
  const list = useModels({ limit: paging.limit, offset: paging.offset });
  const [registering, setRegistering] = useState(false);
  return (
    <>
      <PageHeader
        title="Model registry"
        description="Frontier models, their versions and declared facts. A lab's unreleased model is visible only to those its marking allows."
        action={<Button onClick={() => setRegistering(true)}>Register a model</Button>}
      />
      <ListState query={list} empty="No models registered yet.">
        {(page) => (
          <>
            <DataTable label="Models" columns={['Model', 'Family', 'Modalities', 'Registered']} minWidth={700}>
              {page.items.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/frontier/models/${m.id}`}>
                      {m.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{m.family ?? '—'}</Table.Td>
                  <Table.Td>{m.modalities.join(', ') || '—'}</Table.Td>
                  <Table.Td>
                    <DateTime value={m.createdAt} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
            <Pager page={paging.page} onChange={paging.setPage} total={page.total} pageSize={paging.limit} noun="models" />
          </>
        )}
      </ListState>
      <Modal opened={registering} onClose={() => setRegistering(false)} title="Register a model" size="lg">
        <RegisterModelForm />
      </Modal>
    </>
  );
}
