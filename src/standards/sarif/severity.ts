import type { SeverityEstimate } from './types';

/**
 * Estimates a finding's severity. GitHub code scanning's `security-severity` rule property (a
 * CVSS-like 0.0–10.0 score) wins when present, with CVSS v3.x's qualitative bands; otherwise
 * SARIF's level (§3.27.10: error, warning, note, none) is mapped, and a result whose kind is not
 * `fail` (§3.27.9: pass, open, review, informational, notApplicable) is `none`.
 */
export function estimateSeverity(kind: string, level: string, securitySeverity: number | undefined): SeverityEstimate {
  if (kind !== 'fail') return 'none';
  if (securitySeverity !== undefined) {
    if (securitySeverity >= 9) return 'critical';
    if (securitySeverity >= 7) return 'high';
    if (securitySeverity >= 4) return 'medium';
    return securitySeverity > 0 ? 'low' : 'none';
  }
  if (level === 'error') return 'high';
  if (level === 'warning') return 'medium';
  if (level === 'note') return 'low';
  return 'none';
}
