import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useVocabulary } from '../../../api/session';
import { useFieldErrors } from '../../../api/useFieldErrors';
import { chosen, oneOf, wordOptions } from '../formChecks';
import { accessCalls, accessKey } from './accessApi';
import { isoOf } from './GrantForm';

const fields = ['/sessions/0/actor', '/sessions/0/startedAt', '/sessions/0/endedAt', '/sessions/0/environment'] as const;

/**
 * Adds one session to a grant's access log: `recorded` when the grantee sends it, `imported` when
 * the developer does (the server decides from the caller's side; docs/ui-forms.md).
 */
export function SessionForm({
  planId,
  grantId,
  environment: defaultEnvironment,
  onDone,
}: {
  planId: string;
  grantId: string;
  environment: string;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const vocabulary = useVocabulary();
  const { errors, report, clear } = useFieldErrors(fields);
  const [actor, setActor] = useState('');
  const [startedAt, setStartedAt] = useState('');
  const [endedAt, setEndedAt] = useState('');
  const [environment, setEnvironment] = useState<string | null>(defaultEnvironment);
  const save = useMutation({
    mutationFn: () => {
      const c = chosen({ environment: oneOf(vocabulary.data?.frontier.accessEnvironments, environment) }, '/sessions/0');
      return accessCalls.recordSessions(planId, grantId, {
        sessions: [{ actor, startedAt: isoOf(startedAt), endedAt: endedAt ? isoOf(endedAt) : null, environment: c.environment }],
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
    <form onSubmit={submit} noValidate aria-label="Session of use">
      <Stack>
        <TextInput
          label="Who used the access"
          description="A person or service account of the grantee"
          required
          value={actor}
          onChange={(e) => {
            setActor(e.currentTarget.value);
            clear('/sessions/0/actor');
          }}
          error={errors['/sessions/0/actor']}
        />
        <TextInput
          label="Session from"
          type="datetime-local"
          required
          value={startedAt}
          onChange={(e) => {
            setStartedAt(e.currentTarget.value);
            clear('/sessions/0/startedAt');
          }}
          error={errors['/sessions/0/startedAt']}
        />
        <TextInput
          label="Session until"
          type="datetime-local"
          value={endedAt}
          onChange={(e) => {
            setEndedAt(e.currentTarget.value);
            clear('/sessions/0/endedAt');
          }}
          error={errors['/sessions/0/endedAt']}
        />
        <Select
          label="From the environment"
          required
          data={wordOptions(vocabulary.data?.frontier.accessEnvironments)}
          value={environment}
          onChange={(v) => {
            setEnvironment(v);
            clear('/sessions/0/environment');
          }}
          error={errors['/sessions/0/environment']}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            Record the session
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
