import { Alert, Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { ApiError } from '../../api/problem';
import { useAdoptSession } from '../../api/session';
import type { Session } from '../../api/types';
import { useFieldErrors } from '../../api/useFieldErrors';
import { NewAccountFields, type NewAccount } from '../NewAccountFields';
import { useFragmentToken } from '../useFragmentToken';

const fields = ['/token', '/name', '/password'] as const;
// With the token from the link there is no token field: a token problem becomes a notification.
const fieldsWithoutToken = ['/name', '/password'] as const;

/** `/invite#token=...`: an invited user chooses a name and password and is logged in. */
export function AcceptInvitationPage() {
  const fragmentToken = useFragmentToken();
  const navigate = useNavigate();
  const adopt = useAdoptSession();
  const [token, setToken] = useState(fragmentToken);
  const [account, setAccount] = useState<NewAccount>({ name: '', password: '', confirmation: '' });
  const { errors, report, clear } = useFieldErrors(fragmentToken ? fieldsWithoutToken : fields);
  const [invalidToken, setInvalidToken] = useState(false);

  const accept = useMutation({
    mutationFn: () =>
      api.post<Session>('/api/invitations/accept', { token: token.trim(), name: account.name, password: account.password }),
    onSuccess: (session) => {
      adopt(session);
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
    accept.mutate();
  };

  return (
    <Paper withBorder shadow="sm" p="xl" radius="md">
      <form onSubmit={submit} noValidate aria-labelledby="invite-title">
        <Stack>
          <Title order={2} size="h3" id="invite-title">
            Accept your invitation
          </Title>
          <Text size="sm" c="dimmed">
            Choose the name others will see and a password for logging in.
          </Text>
          {invalidToken && (
            <Alert color="red" role="alert" title="Invitation not valid">
              This invitation link is not valid: it may have been used already or have expired. Ask your administrator for a
              new one.
            </Alert>
          )}
          {!fragmentToken && (
            <TextInput
              label="Invitation token"
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
          )}
          <NewAccountFields value={account} onChange={setAccount} errors={errors} pointer="" clear={clear} />
          <Button type="submit" loading={accept.isPending} fullWidth>
            Accept invitation
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
