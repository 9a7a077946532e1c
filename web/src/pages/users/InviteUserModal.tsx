import { Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { toOptions, useCurrentSession, useVocabulary } from '../../api/session';
import { useFieldErrors } from '../../api/useFieldErrors';
import { type Invitation, inviteUser, type NewUser, userKey } from '../../api/users';
import { DateTime } from '../../components/DateTime';
import { FormButtons } from '../../components/FormButtons';
import { OrganisationSelect } from '../../components/OrganisationSelect';
import { SecretResultModal } from '../../components/SecretResultModal';

const fields = ['/email', '/name', '/organisationId', '/role', '/clearance'] as const;

/** Invites a user into an organisation with a role and clearance, then shows the invitation link once. */
export function InviteUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const session = useCurrentSession();
  const vocabulary = useVocabulary().data;
  const client = useQueryClient();
  const blank = (): NewUser => ({ email: '', name: '', organisationId: session.user.organisation.id, role: null, clearance: null });
  const [draft, setDraft] = useState<NewUser>(blank);
  const [invited, setInvited] = useState<{ email: string; invitation: Invitation } | null>(null);
  const { errors, report, clear } = useFieldErrors(fields);

  const invite = useMutation({
    mutationFn: () => inviteUser(draft),
    onSuccess: (result) => {
      setInvited({ email: result.user.email, invitation: result.invitation });
      void client.invalidateQueries({ queryKey: [userKey] });
    },
    onError: report,
  });

  const set = <K extends keyof NewUser>(key: K, value: NewUser[K]) => {
    setDraft((current) => ({ ...current, [key]: value }));
    clear(`/${key}`);
  };
  const reset = () => {
    setInvited(null);
    setDraft(blank());
    clear();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate();
  };

  return (
    <SecretResultModal
      opened={opened}
      onClose={onClose}
      onReset={reset}
      title="Invite user"
      resultTitle="Invitation created"
      result={
        invited && {
          label: 'Invitation link',
          value: invited.invitation.url,
          warning: `Send this link to ${invited.email} through a channel you trust. It works once and is not shown again.`,
          note: (
            <Text size="sm" c="dimmed">
              The link expires <DateTime value={invited.invitation.expiresAt} />.
            </Text>
          ),
        }
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label="Email"
            type="email"
            required
            data-autofocus
            value={draft.email}
            onChange={(e) => set('email', e.currentTarget.value)}
            error={errors['/email']}
          />
          <TextInput label="Name" required value={draft.name} onChange={(e) => set('name', e.currentTarget.value)} error={errors['/name']} />
          <OrganisationSelect
            label="Organisation"
            required
            value={draft.organisationId}
            onChange={(id) => set('organisationId', id)}
            error={errors['/organisationId']}
          />
          <Group grow align="flex-start">
            <Select
              label="Role"
              required
              data={toOptions(vocabulary?.roles)}
              value={draft.role}
              onChange={(role) => set('role', role)}
              error={errors['/role']}
            />
            <Select
              label="Clearance"
              required
              data={toOptions(vocabulary?.clearances)}
              value={draft.clearance}
              onChange={(clearance) => set('clearance', clearance)}
              error={errors['/clearance']}
            />
          </Group>
          <FormButtons onCancel={onClose} submitLabel="Create invitation" loading={invite.isPending} />
        </Stack>
      </form>
    </SecretResultModal>
  );
}
