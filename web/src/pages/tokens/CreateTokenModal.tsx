import { Checkbox, NumberInput, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useVocabulary } from '../../api/session';
import { type ApiToken, apiTokenKey, type CreatedToken, createToken } from '../../api/tokens';
import { useFieldErrors } from '../../api/useFieldErrors';
import { FormButtons } from '../../components/FormButtons';
import { SecretResultModal } from '../../components/SecretResultModal';

const fields = ['/name', '/scopes', '/expiresInDays'] as const;

/** Creates an API token, then shows its secret once. */
export function CreateTokenModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const vocabulary = useVocabulary().data;
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiToken['scopes']>([]);
  const [expiresInDays, setExpiresInDays] = useState<number | string>('');
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const { errors, report, clear } = useFieldErrors(fields);

  const create = useMutation({
    mutationFn: () => createToken({ name, scopes, ...(typeof expiresInDays === 'number' ? { expiresInDays } : {}) }),
    onSuccess: (result) => {
      setCreated(result);
      void client.invalidateQueries({ queryKey: [apiTokenKey] });
    },
    onError: report,
  });

  const reset = () => {
    setCreated(null);
    setName('');
    setScopes([]);
    setExpiresInDays('');
    clear();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };

  return (
    <SecretResultModal
      opened={opened}
      onClose={onClose}
      onReset={reset}
      title="Create API token"
      resultTitle="Token created"
      result={
        created && {
          label: 'Token secret',
          value: created.secret,
          warning: `Copy the secret of “${created.token.name}” now and keep it safe. AISC stores only a hash of it and cannot show it again.`,
        }
      }
    >
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
              {(vocabulary?.tokenScopes ?? []).map((scope) => (
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
          <FormButtons onCancel={onClose} submitLabel="Create token" loading={create.isPending} />
        </Stack>
      </form>
    </SecretResultModal>
  );
}
