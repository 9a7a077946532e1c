import { Alert, Button, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { body, client } from '../../api/client';
import { metaKey } from '../../api/session';
import { useFieldErrors } from '../../api/useFieldErrors';
import { NewAccountFields, type NewAccount } from '../NewAccountFields';
import { OneTimeTokenField } from '../OneTimeTokenField';
import { PublicFormCard } from '../PublicFormCard';
import { useFragmentToken } from '../useFragmentToken';
import { useSessionMutation } from '../useSessionMutation';

const fields = ['/token', '/organisation/name', '/user/email', '/user/name', '/user/password'] as const;

/** First run: the one-time token the server printed creates the first organisation and administrator. */
export function SetupPage() {
  const queryClient = useQueryClient();
  const fragmentToken = useFragmentToken();
  const [token, setToken] = useState(fragmentToken);
  const [organisation, setOrganisation] = useState('');
  const [email, setEmail] = useState('');
  const [account, setAccount] = useState<NewAccount>({ name: '', password: '', confirmation: '' });
  const { errors, report, clear } = useFieldErrors(fields);

  const { mutation: setup, tokenRejected } = useSessionMutation(
    () =>
      body(
        client.POST('/api/setup', {
          body: { token: token.trim(), organisation: { name: organisation }, user: { email, name: account.name, password: account.password } },
        }),
      ),
    report,
    () => void queryClient.invalidateQueries({ queryKey: metaKey }),
  );

  return (
    <PublicFormCard
      id="setup"
      title="First-run setup"
      description="Create the first organisation and its administrator. The setup link works once."
      onSubmit={() => account.password === account.confirmation && setup.mutate()}
    >
      {tokenRejected && (
        <Alert color="red" role="alert" title="Setup is not possible">
          This setup token is not valid, or setup was already done. Log in instead, or restart the server to print a new link if no administrator exists.
        </Alert>
      )}
      <OneTimeTokenField
        label="Setup token"
        value={token}
        onChange={(next) => {
          setToken(next);
          clear('/token');
        }}
        error={errors['/token']}
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
    </PublicFormCard>
  );
}
