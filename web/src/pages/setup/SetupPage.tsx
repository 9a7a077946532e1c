import { Alert, Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { ApiError } from '../../api/problem';
import { metaKey, useAdoptSession } from '../../api/session';
import type { Session } from '../../api/types';
import { useFieldErrors } from '../../api/useFieldErrors';
import { NewAccountFields, type NewAccount } from '../NewAccountFields';
import { useFragmentToken } from '../useFragmentToken';

const fields = ['/token', '/organisation/name', '/user/email', '/user/name', '/user/password'] as const;

/** First run: the one-time token the server printed creates the first organisation and administrator. */
export function SetupPage() {
  const fragmentToken = useFragmentToken();
  const navigate = useNavigate();
  const adopt = useAdoptSession();
  const client = useQueryClient();
  const [token, setToken] = useState(fragmentToken);
  const [organisation, setOrganisation] = useState('');
  const [email, setEmail] = useState('');
  const [account, setAccount] = useState<NewAccount>({ name: '', password: '', confirmation: '' });
  const { errors, report, clear } = useFieldErrors(fields);
  const [invalidToken, setInvalidToken] = useState(false);

  const setup = useMutation({
    mutationFn: () =>
      api.post<Session>('/api/setup', {
        token: token.trim(),
        organisation: { name: organisation },
        user: { email, name: account.name, password: account.password },
      }),
    onSuccess: (session) => {
      adopt(session);
      void client.invalidateQueries({ queryKey: metaKey });
      void navigate('/', { replace: true });
    },
    onError: (error) => {
      const notFound = error instanceof ApiError && error.status === 404;
      setInvalidToken(notFound);
      if (!notFound) report(error);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (account.password !== account.confirmation) return;
    setInvalidToken(false);
    setup.mutate();
  };

  return (
    <Paper withBorder shadow="sm" p="xl" radius="md">
      <form onSubmit={submit} noValidate aria-labelledby="setup-title">
        <Stack>
          <Title order={2} size="h3" id="setup-title">
            First-run setup
          </Title>
          <Text size="sm" c="dimmed">
            Create the first organisation and its administrator. The setup link works once.
          </Text>
          {invalidToken && (
            <Alert color="red" role="alert" title="Setup is not possible">
              This setup token is not valid, or setup was already done. Log in instead, or restart the server to print a
              new link if no administrator exists.
            </Alert>
          )}
          <TextInput
            label="Setup token"
            required
            value={token}
            onChange={(e) => {
              setToken(e.currentTarget.value);
              clear('/token');
            }}
            error={errors['/token']}
            autoComplete="off"
            spellCheck={false}
          />
          <TextInput
            label="Organisation name"
            required
            value={organisation}
            onChange={(e) => {
              setOrganisation(e.currentTarget.value);
              clear('/organisation/name');
            }}
            error={errors['/organisation/name']}
          />
          <TextInput
            label="Email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => {
              setEmail(e.currentTarget.value);
              clear('/user/email');
            }}
            error={errors['/user/email']}
          />
          <NewAccountFields value={account} onChange={setAccount} errors={errors} pointer="/user" clear={clear} />
          <Button type="submit" loading={setup.isPending} fullWidth>
            Create administrator
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
