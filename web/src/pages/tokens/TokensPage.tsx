import { Badge, Button, Code, Group, Table, VisuallyHidden } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiTokenKey, revokeToken, useTokens } from '../../api/tokens';
import type { ApiToken } from '../../api/types';
import { notifyError } from '../../api/useFieldErrors';
import { ConfirmModal } from '../../components/ConfirmModal';
import { DateTime } from '../../components/DateTime';
import { ListState } from '../../components/ListState';
import { PageHeader } from '../../components/PageHeader';
import { CreateTokenModal } from './CreateTokenModal';
import { TokenStatus } from './TokenStatus';

/** The caller's API tokens: create (secret shown once), see when each was last used, revoke. */
export function TokensPage() {
  const tokens = useTokens();
  const client = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);

  const revoke = useMutation({
    mutationFn: (token: ApiToken) => revokeToken(token.id),
    onSuccess: () => {
      setRevoking(null);
      void client.invalidateQueries({ queryKey: [apiTokenKey] });
    },
    onError: (error) => notifyError(error, 'Could not revoke the token'),
  });

  return (
    <>
      <PageHeader
        title="API tokens"
        description="Tokens let scripts and the aisc command act as you, limited to the scopes you choose."
        action={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
            Create token
          </Button>
        }
      />
      <ListState query={tokens} empty="You have no API tokens yet.">
        {(page) => (
          <Table.ScrollContainer minWidth={820}>
            <Table striped highlightOnHover aria-label="API tokens">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Scopes</Table.Th>
                  <Table.Th>Prefix</Table.Th>
                  <Table.Th>Created</Table.Th>
                  <Table.Th>Last used</Table.Th>
                  <Table.Th>Expires</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {page.items.map((token) => (
                  <Table.Tr key={token.id}>
                    <Table.Td fw={600}>{token.name}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {token.scopes.map((scope) => (
                          <Badge key={scope} variant="light" size="sm">
                            {scope}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Code>{token.prefix}…</Code>
                    </Table.Td>
                    <Table.Td>
                      <DateTime value={token.createdAt} />
                    </Table.Td>
                    <Table.Td>
                      <DateTime value={token.lastUsedAt} empty="Never" />
                    </Table.Td>
                    <Table.Td>
                      <DateTime value={token.expiresAt} empty="Never" />
                    </Table.Td>
                    <Table.Td>
                      <TokenStatus token={token} />
                    </Table.Td>
                    <Table.Td>
                      {!token.revokedAt && (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          onClick={() => setRevoking(token)}
                          aria-label={`Revoke token ${token.name}`}
                        >
                          Revoke
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </ListState>
      <CreateTokenModal opened={creating} onClose={() => setCreating(false)} />
      <ConfirmModal
        opened={revoking !== null}
        onClose={() => setRevoking(null)}
        title="Revoke token"
        confirmLabel="Revoke token"
        loading={revoke.isPending}
        onConfirm={() => revoking && revoke.mutate(revoking)}
      >
        Scripts using “{revoking?.name}” will stop working at once. A revoked token cannot be restored.
      </ConfirmModal>
    </>
  );
}
