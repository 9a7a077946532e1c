import type { Principal } from '../identity/principal';

/**
 * Who runs coordination: analysts and admins of a coordinating organisation with a
 * credential that may write. Vendors take part through their own records only.
 */
export const canCoordinateCases = (p: Principal): boolean =>
  p.coordinator && (p.role === 'admin' || p.role === 'analyst') && p.scopes.includes('write');

/** Platform admins set the embargo policy. */
export const canConfigureCases = (p: Principal): boolean => p.coordinator && p.role === 'admin' && p.scopes.includes('admin');

/** Vendors speak for their own organisation: any writer of it. */
export const canSpeakFor = (p: Principal, organisationId: string): boolean =>
  p.organisationId === organisationId && p.role !== 'viewer' && p.scopes.includes('write');
