/** A user's role within their organisation. Roles decide what one may change, never what one may see. */
export const ROLES = [
  { id: 'admin', label: 'Administrator' },
  { id: 'analyst', label: 'Analyst' },
  { id: 'member', label: 'Member' },
  { id: 'viewer', label: 'Viewer (read-only)' },
] as const;
export type Role = (typeof ROLES)[number]['id'];
export const ROLE_IDS = ROLES.map((r) => r.id) as [Role, ...Role[]];

/** What an API token may do; a token never does more than its user's role allows. */
export const TOKEN_SCOPES = [
  { id: 'read', label: 'Read' },
  { id: 'write', label: 'Write' },
  { id: 'admin', label: 'Administer' },
] as const;
export type Scope = (typeof TOKEN_SCOPES)[number]['id'];
export const SCOPE_IDS = TOKEN_SCOPES.map((s) => s.id) as [Scope, ...Scope[]];

/** The scopes a role can hold: viewers only read; only admins administer. */
export function scopesAllowed(role: Role): Scope[] {
  if (role === 'viewer') return ['read'];
  if (role === 'admin') return ['read', 'write', 'admin'];
  return ['read', 'write'];
}
