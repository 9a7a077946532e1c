import { Button, Group, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useFieldErrors } from '../../../api/useFieldErrors';
import { idIn, toOptions, useVocabulary } from '../../../api/session';
import { OrganisationSelect } from '../../../components/OrganisationSelect';
import { chosen, oneOf, wordOptions } from '../formChecks';
import { accessCalls, accessKey } from './accessApi';

const fields = [
  '/granteeOrganisationId',
  '/accessKind',
  '/environment',
  '/startsAt',
  '/endsAt',
  '/testedCheckpoint',
  '/releasedCheckpoint',
  '/budgets',
] as const;

/** `datetime-local` input → ISO instant ('' stays '' so the server names the missing field). */
export const isoOf = (local: string) => (local ? new Date(local).toISOString() : '');

/** Records a grant of voluntary pre-release access in a plan (docs/ui-forms.md). */
export function GrantForm({ planId, onDone }: { planId: string; onDone: () => void }) {
  const queryClient = useQueryClient();
  const vocabulary = useVocabulary();
  const { errors, report, clear } = useFieldErrors(fields);
  const [grantee, setGrantee] = useState<string | null>(null);
  const [accessKind, setAccessKind] = useState<string | null>(null);
  const [environment, setEnvironment] = useState<string | null>(null);
  const [startsAt, setStartsAt] = useState('');
  const [endsAt, setEndsAt] = useState('');
  const [tested, setTested] = useState('');
  const [released, setReleased] = useState('');
  const [queries, setQueries] = useState<number | string>('');
  const save = useMutation({
    mutationFn: () => {
      const c = chosen({
        granteeOrganisationId: grantee,
        accessKind: idIn(vocabulary.data?.frontier.accessKinds, accessKind),
        environment: oneOf(vocabulary.data?.frontier.accessEnvironments, environment),
      });
      return accessCalls.addGrant(planId, {
        granteeOrganisationId: c.granteeOrganisationId,
        accessKind: c.accessKind,
        environment: c.environment,
        startsAt: isoOf(startsAt),
        endsAt: isoOf(endsAt),
        testedCheckpoint: tested || null,
        releasedCheckpoint: released || null,
        ...(typeof queries === 'number' ? { budgets: { queries } } : {}),
      });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: [accessKey] });
      onDone();
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
        <OrganisationSelect
          label="Grantee"
          description="An agency, an assessor, or an approved trusted partner"
          required
          value={grantee}
          onChange={(id) => {
            setGrantee(id);
            clear('/granteeOrganisationId');
          }}
          error={errors['/granteeOrganisationId']}
        />
        <Select
          label="Access kind"
          required
          data={toOptions(vocabulary.data?.frontier.accessKinds)}
          value={accessKind}
          onChange={(v) => {
            setAccessKind(v);
            clear('/accessKind');
          }}
          error={errors['/accessKind']}
        />
        <Select
          label="Environment"
          required
          data={wordOptions(vocabulary.data?.frontier.accessEnvironments)}
          value={environment}
          onChange={(v) => {
            setEnvironment(v);
            clear('/environment');
          }}
          error={errors['/environment']}
        />
        <SimpleGrid cols={2}>
          <TextInput
            label="Access from"
            type="datetime-local"
            required
            value={startsAt}
            onChange={(e) => {
              setStartsAt(e.currentTarget.value);
              clear('/startsAt');
            }}
            error={errors['/startsAt']}
          />
          <TextInput
            label="Access until"
            type="datetime-local"
            required
            value={endsAt}
            onChange={(e) => {
              setEndsAt(e.currentTarget.value);
              clear('/endsAt');
            }}
            error={errors['/endsAt']}
          />
          <TextInput
            label="Checkpoint under test"
            placeholder="sha256:…"
            value={tested}
            onChange={(e) => {
              setTested(e.currentTarget.value);
              clear('/testedCheckpoint');
            }}
            error={errors['/testedCheckpoint']}
          />
          <TextInput
            label="Checkpoint to be released"
            placeholder="sha256:…"
            value={released}
            onChange={(e) => {
              setReleased(e.currentTarget.value);
              clear('/releasedCheckpoint');
            }}
            error={errors['/releasedCheckpoint']}
          />
        </SimpleGrid>
        <NumberInput
          label="Query budget"
          min={0}
          value={queries}
          onChange={(v) => {
            setQueries(v);
            clear('/budgets');
          }}
          error={errors['/budgets']}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            Record the grant
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
