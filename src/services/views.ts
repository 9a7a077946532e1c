import type { OrganisationRow } from '../store/organisations';
import type { UserRow } from '../store/users';
import type { ApiTokenRow } from '../store/credentials';

/** Public shapes of directory records: what the API returns and what events carry (never secrets). */
export const organisationView = (o: OrganisationRow) => ({
  id: o.id,
  name: o.name,
  kind: o.kind,
  sectors: o.sectors,
  parentId: o.parentId,
  coordinator: o.coordinator,
  createdAt: o.createdAt.toISOString(),
  updatedAt: o.updatedAt.toISOString(),
});
export type OrganisationView = ReturnType<typeof organisationView>;

export const userView = (u: UserRow) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  organisationId: u.organisationId,
  role: u.role,
  clearance: u.clearance,
  status: u.status,
  createdAt: u.createdAt.toISOString(),
  lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
});
export type UserView = ReturnType<typeof userView>;

export const tokenView = (t: ApiTokenRow) => ({
  id: t.id,
  name: t.name,
  scopes: t.scopes,
  prefix: t.prefix,
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  expiresAt: t.expiresAt?.toISOString() ?? null,
  revokedAt: t.revokedAt?.toISOString() ?? null,
});
export type TokenView = ReturnType<typeof tokenView>;
