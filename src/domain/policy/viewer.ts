import type { Clearance } from './marking';

/**
 * Who is looking. Every read in the store takes one; nothing reads protected records
 * without it (workers that must see everything say so with `system`).
 */
export type Viewer =
  | { readonly kind: 'anonymous' }
  | {
      readonly kind: 'user';
      readonly userId: string;
      readonly organisationId: string;
      /** The organisation this user's organisation is a client of (TLP:AMBER "clients"), if any. */
      readonly clientOf: string | null;
      readonly clearance: Clearance;
      /** Whether their organisation coordinates this clearinghouse, as it stands now. */
      readonly coordinator: boolean;
      /** Whether they are coordinator staff (`isCoordinatorStaff`, policy/staff.ts), as they stand now. */
      readonly staff: boolean;
    }
  | {
      /** An organisation as a whole (a webhook it registered): no personal access, no clearance. */
      readonly kind: 'organisation';
      readonly organisationId: string;
      readonly clientOf: string | null;
      /** Whether this organisation coordinates this clearinghouse, as it stands now. */
      readonly coordinator: boolean;
    }
  | { readonly kind: 'system' };

export const ANONYMOUS: Viewer = Object.freeze({ kind: 'anonymous' });
export const SYSTEM: Viewer = Object.freeze({ kind: 'system' });
