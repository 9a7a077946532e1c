import { Modal, MultiSelect, Select, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { type BodyOf, body, client } from '../../api/client';
import { type Organisation, organisationKey } from '../../api/organisations';
import { toOptions, useVocabulary } from '../../api/session';
import { useFieldErrors } from '../../api/useFieldErrors';
import { FormButtons } from '../../components/FormButtons';
import { OrganisationSelect } from '../../components/OrganisationSelect';
import { changedFields, isCriticalInfrastructure, type OrganisationDraft } from './organisationDraft';

const fields = ['/name', '/kind', '/sectors', '/parentId'] as const;

function draftOf(organisation: Organisation | null): OrganisationDraft {
  return {
    name: organisation?.name ?? '',
    kind: organisation?.kind ?? null,
    sectors: organisation?.sectors ?? [],
    parentId: organisation?.parentId ?? null,
  };
}

interface OrganisationFormModalProps {
  opened: boolean;
  onClose: () => void;
  /** The organisation to edit; `null` creates a new one. */
  organisation: Organisation | null;
}

/** Creates or edits an organisation: name, kind, CISA sectors for operators, and "client of". */
export function OrganisationFormModal({ opened, onClose, organisation }: OrganisationFormModalProps) {
  const vocabulary = useVocabulary().data;
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(() => draftOf(organisation));
  const { errors, report, clear } = useFieldErrors(fields);

  useEffect(() => {
    if (opened) setDraft(draftOf(organisation));
  }, [opened, organisation]);

  const operator = isCriticalInfrastructure(draft.kind, vocabulary?.organisationKinds);
  const save = useMutation({
    mutationFn: () => {
      const next = { ...draft, sectors: operator ? draft.sectors : [] };
      if (organisation) {
        const change = changedFields(draftOf(organisation), next) as BodyOf<'/api/organisations/{id}', 'patch'>;
        return body(client.PATCH('/api/organisations/{id}', { params: { path: { id: organisation.id } }, body: change }));
      }
      const { parentId, kind, ...rest } = next;
      // A kind not chosen yet is left out, so the server names it as missing (problem+json on /kind).
      const created = { ...rest, ...(kind ? { kind } : {}), ...(parentId ? { parentId } : {}) } as BodyOf<'/api/organisations', 'post'>;
      return body(client.POST('/api/organisations', { body: created }));
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: [organisationKey] });
      close();
    },
    onError: report,
  });

  const set = <K extends keyof OrganisationDraft>(key: K, value: OrganisationDraft[K]) => {
    setDraft((current) => ({ ...current, [key]: value }));
    clear(`/${key}`);
  };
  const close = () => {
    clear();
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };

  return (
    <Modal opened={opened} onClose={close} title={organisation ? `Edit ${organisation.name}` : 'Create organisation'} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label="Organisation name"
            required
            data-autofocus
            value={draft.name}
            onChange={(e) => set('name', e.currentTarget.value)}
            error={errors['/name']}
          />
          <Select
            label="Kind"
            required
            placeholder="Choose the kind of organisation"
            data={toOptions(vocabulary?.organisationKinds)}
            value={draft.kind}
            onChange={(kind) => set('kind', kind)}
            error={errors['/kind']}
            allowDeselect={false}
          />
          {operator && (
            <MultiSelect
              label="Critical-infrastructure sectors"
              description="One or more of the 16 CISA sectors this operator works in"
              required
              searchable
              data={toOptions(vocabulary?.sectors)}
              value={draft.sectors}
              onChange={(sectors) => set('sectors', sectors)}
              error={errors['/sectors']}
            />
          )}
          <OrganisationSelect
            label="Client of"
            description="Optional parent organisation; TLP:AMBER records are shared with its clients"
            placeholder="Search by name"
            clearable
            value={draft.parentId}
            exclude={organisation?.id}
            onChange={(parentId) => set('parentId', parentId)}
            error={errors['/parentId']}
          />
          <FormButtons onCancel={close} submitLabel={organisation ? 'Save organisation' : 'Create organisation'} loading={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
