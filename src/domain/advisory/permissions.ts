import type { Principal } from '../identity/principal';

/**
 * Who runs publication: analysts and admins of a coordinating organisation (the
 * clearinghouse operator) with a credential that may write.
 */
export const canCoordinateAdvisories = (p: Principal): boolean =>
  p.coordinator && (p.role === 'admin' || p.role === 'analyst') && p.scopes.includes('write');
