import { Button, Checkbox, Group, Modal, NumberInput, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useMeta } from '../../api/session';
import { apiTokenKey, createToken, type CreatedToken } from '../../api/tokens';
import { useFieldErrors } from '../../api/useFieldErrors';
import { OneTimeSecret } from '../../components/OneTimeSecret';

const fields = ['/name', '/scopes', '/expiresInDays'] as const;

/** Creates an API token, then shows its secret once. */
export function CreateTokenModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const meta = useMeta().data;
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>([]);
  const [expiresInDays, setExpiresInDays] = useState<number | string>('');
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const { errors, report, clear } = useFieldErrors(fields);

  const create = useMutation({
    mutationFn: () =>
      createToken({ name, scopes, ...(typeof expiresInDays === 'number' ? { expiresInDays } : {}) }),
    onSuccess: (result) => {
      setCreated(result);
      void client.invalidateQueries({ queryKey: [apiTokenKey] });
    },
    onError: report,
  });

  const close = () => {
    // The secret leaves memory with the dialog: it cannot be shown again.
    setCreated(null);
    setName('');
    setScopes([]);
    setExpiresInDays('');
    clear();
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };

  return (
    <Modal opened={opened} onClose={close} title={created ? 'Token created' : 'Create API token'} size="lg">
      {created ? (
        <Stack>
          <OneTimeSecret
            label="Token secret"
            value={created.secret}
            warning={`Copy the secret of "${created.token.name}" now and keep it safe. AISC stores only a hash of it and cannot show it again.`}
          />
          <Group justify="flex-end">
            <Button onClick={close}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <TextInput
              label="Token name"
              description="What the token is for, e.g. the script or machine that uses it"
              required
              data-autofocus
              value={name}
              onChange={(e) => {
                setName(e.currentTarget.value);
                clear('/name');
              }}
              error={errors['/name']}
            />
            <Checkbox.Group
              label="Scopes"
              description="What the token may do"
              value={scopes}
              onChange={(next) => {
                setScopes(next);
                clear('/scopes');
              }}
              error={errors['/scopes']}
            >
              <Stack gap={6} mt="xs">
                {(meta?.tokenScopes ?? []).map((scope) => (
                  <Checkbox key={scope.id} value={scope.id} label={`${scope.label} (${scope.id})`} />
                ))}
              </Stack>
            </Checkbox.Group>
            <NumberInput
              label="Expires in days"
              description="Leave empty for a token that does not expire"
              min={1}
              allowDecimal={false}
              value={expiresInDays}
              onChange={(value) => {
                setExpiresInDays(value);
                clear('/expiresInDays');
              }}
              error={errors['/expiresInDays']}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={create.isPending}>
                Create token
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
