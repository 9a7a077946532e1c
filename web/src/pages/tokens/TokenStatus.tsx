import type { ApiToken } from '../../api/tokens';
import { StateBadge } from '../../components/StateBadge';

/** Active, expired or revoked, judged against the browser's clock (the server decides for real). */
export function TokenStatus({ token }: { token: ApiToken }) {
  if (token.revokedAt) {
    return (
      <StateBadge colour="red" title={`Revoked ${token.revokedAt}`}>
        Revoked
      </StateBadge>
    );
  }
  if (token.expiresAt && Date.parse(token.expiresAt) <= Date.now()) return <StateBadge colour="gray">Expired</StateBadge>;
  return <StateBadge colour="teal">Active</StateBadge>;
}
