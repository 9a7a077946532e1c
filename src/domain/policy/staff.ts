import type { Role } from '../identity/roles';

/** A person's standing in the clearinghouse, as the directory says now. */
export interface Standing {
  /** Whether their organisation coordinates this clearinghouse. */
  readonly coordinator: boolean;
  readonly role: Role;
}

/**
 * The clearinghouse's coordinator staff: analysts and admins of a coordinating organisation
 * (DESIGN.md: they triage, coordinate and publish). Only active users hold a principal, so
 * a disabled user is nobody's staff. Evaluated on every read (ADR 0008): a demoted analyst
 * stops being staff at once, a new one is staff from the start.
 */
export const isCoordinatorStaff = (s: Standing): boolean => s.coordinator && (s.role === 'analyst' || s.role === 'admin');
