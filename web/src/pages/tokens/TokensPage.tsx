import { Badge, Button, Code, Group, Table } from '@mantine/core';
import { useState } from 'react';
import { type ApiToken, apiTokenKey, revokeToken, useTokens } from '../../api/tokens';
import { AddButton } from '../../components/AddButton';
import { ConfirmModal } from '../../components/ConfirmModal';
import { DataTable } from '../../components/DataTable';
import { DateTime } from '../../components/DateTime';
import { ListState } from '../../components/ListState';
import { PageHeader } from '../../components/PageHeader';
import { useConfirmedAction } from '../../components/useConfirmedAction';
import { CreateTokenModal } from './CreateTokenModal';
import { TokenStatus } from './TokenStatus';

const columns = ['Name', 'Scopes', 'Prefix', 'Created', 'Last used', 'Expires', 'Status'];

/** The caller's API tokens: create (secret shown once), see when each was last used, revoke. */
export function TokensPage() {
  const tokens = useTokens();
  const [creating, setCreating] = useState(false);
  const revoke = useConfirmedAction(apiTokenKey, (token: ApiToken) => revokeToken(token.id), 'Could not revoke the token');

  return (
    <>
      <PageHeader
        title="API tokens"
        description="Tokens let scripts and the aisc command act as you, limited to the scopes you choose."
        action={<AddButton label="Create token" onClick={() => setCreating(true)} />}
      />
      <ListState query={tokens} empty="You have no API tokens yet.">
        {(page) => (
          <DataTable label="API tokens" columns={columns} withActions minWidth={820}>
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
                    <Button size="compact-sm" variant="subtle" color="red" onClick={() => revoke.ask(token)} aria-label={`Revoke token ${token.name}`}>
                      Revoke
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </ListState>
      <CreateTokenModal opened={creating} onClose={() => setCreating(false)} />
      <ConfirmModal
        opened={revoke.target !== null}
        onClose={revoke.cancel}
        title="Revoke token"
        confirmLabel="Revoke token"
        loading={revoke.pending}
        onConfirm={revoke.confirm}
      >
        Scripts using “{revoke.target?.name}” will stop working at once. A revoked token cannot be restored.
      </ConfirmModal>
    </>
  );
}
