import { Badge } from '@mantine/core';
import type { ApiToken } from '../../api/types';

/** Active, expired or revoked, judged against the browser's clock (the server decides for real). */
export function TokenStatus({ token }: { token: ApiToken }) {
  if (token.revokedAt) {
    return (
      <Badge color="red" variant="light" title={`Revoked ${token.revokedAt}`}>
        Revoked
      </Badge>
    );
  }
  if (token.expiresAt && Date.parse(token.expiresAt) <= Date.now()) {
    return (
      <Badge color="gray" variant="light">
        Expired
      </Badge>
    );
  }
  return (
    <Badge color="teal" variant="light">
      Active
    </Badge>
  );
}
