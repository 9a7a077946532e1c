import { Alert, Button } from '@mantine/core';
import { useState } from 'react';
import { body, client } from '../../api/client';
import { useFieldErrors } from '../../api/useFieldErrors';
import { NewAccountFields, type NewAccount } from '../NewAccountFields';
import { OneTimeTokenField } from '../OneTimeTokenField';
import { PublicFormCard } from '../PublicFormCard';
import { useFragmentToken } from '../useFragmentToken';
import { useSessionMutation } from '../useSessionMutation';

const fields = ['/token', '/name', '/password'] as const;
// With the token from the link there is no token field: a token problem becomes a notification.
const fieldsWithoutToken = ['/name', '/password'] as const;

/** `/invite#token=...`: an invited user chooses a name and password and is logged in. */
export function AcceptInvitationPage() {
  const fragmentToken = useFragmentToken();
  const [token, setToken] = useState(fragmentToken);
  const [account, setAccount] = useState<NewAccount>({ name: '', password: '', confirmation: '' });
  const { errors, report, clear } = useFieldErrors(fragmentToken ? fieldsWithoutToken : fields);

  const { mutation: accept, tokenRejected } = useSessionMutation(
    () => body(client.POST('/api/invitations/accept', { body: { token: token.trim(), name: account.name, password: account.password } })),
    report,
  );

  return (
    <PublicFormCard
      id="invite"
      title="Accept your invitation"
      description="Choose the name others will see and a password for logging in."
      onSubmit={() => account.password === account.confirmation && accept.mutate()}
    >
      {tokenRejected && (
        <Alert color="red" role="alert" title="Invitation not valid">
          This invitation link is not valid: it may have been used already or have expired. Ask your administrator for a new one.
        </Alert>
      )}
      {!fragmentToken && (
        <OneTimeTokenField
          label="Invitation token"
          value={token}
          onChange={(next) => {
            setToken(next);
            clear('/token');
          }}
          error={errors['/token']}
        />
      )}
      <NewAccountFields value={account} onChange={setAccount} errors={errors} pointer="" clear={clear} />
      <Button type="submit" loading={accept.isPending} fullWidth>
        Accept invitation
      </Button>
    </PublicFormCard>
  );
}
