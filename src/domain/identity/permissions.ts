import type { Principal } from './principal';
import type { Role } from './roles';
import type { Clearance } from '../policy/marking';

/**
 * What a principal may change. Visibility is decided by policy/visibility.ts; these rules
 * only decide writes, and a write to a record one cannot see answers NOT_FOUND first.
 */

/** Platform administrators: admins of a coordinating organisation. */
export const isPlatformAdmin = (p: Principal): boolean => p.coordinator && p.role === 'admin' && p.scopes.includes('admin');

export const canManageOrganisations = isPlatformAdmin;

/** Platform admins manage every user; organisation admins manage their own organisation's users. */
export function canManageUsersOf(p: Principal, organisationId: string): boolean {
  if (!p.scopes.includes('admin')) return false;
  return isPlatformAdmin(p) || (p.role === 'admin' && p.organisationId === organisationId);
}

/** Clearances are granted only by platform admins (a security officer's act, not an org's). */
export function canGrantClearance(p: Principal, clearance: Clearance): boolean {
  return clearance === 'NONE' || isPlatformAdmin(p);
}

/** Only platform admins make other platform admins: an org admin cannot promote into a coordinator org. */
export function canAssignRole(p: Principal, organisationId: string, role: Role): boolean {
  return canManageUsersOf(p, organisationId) && (role !== 'admin' || isPlatformAdmin(p) || p.organisationId === organisationId);
}

/** Writers: anyone but viewers, with a credential that may write. */
export const canWrite = (p: Principal): boolean => p.role !== 'viewer' && p.scopes.includes('write');

/** Organisation admins run their organisation's webhooks. */
export const canManageWebhooksOf = (p: Principal, organisationId: string): boolean =>
  p.role === 'admin' && p.organisationId === organisationId && p.scopes.includes('admin');

/** Audit trails are for administrators (of what they can see). */
export const canReadAudit = (p: Principal): boolean => p.role === 'admin' && p.scopes.includes('read');

/** Who may edit or delete a record they can see: its author, or an admin of its owner organisation. */
export const canEditRecord = (p: Principal, r: { createdBy: string | null; ownerOrganisationId: string }): boolean =>
  r.createdBy === p.userId || (p.role === 'admin' && r.ownerOrganisationId === p.organisationId);
