import type { Principal } from '../identity/principal';

/**
 * Who may do what in intake. Visibility stays with the policy module; these rules only
 * decide writes. Triage is the clearinghouse's work: analysts and admins of a
 * coordinating organisation, with a credential that may write.
 */
export const canSubmitFindings = (p: Principal): boolean => p.role !== 'viewer' && p.scopes.includes('write');

export const canTriage = (p: Principal): boolean => p.coordinator && (p.role === 'analyst' || p.role === 'admin') && p.scopes.includes('write');

/** Quotas and intake settings are platform settings. */
export const canConfigureIntake = (p: Principal): boolean => p.coordinator && p.role === 'admin' && p.scopes.includes('admin');
