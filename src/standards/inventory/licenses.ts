import parseSpdxExpression from 'spdx-expression-parse';
import type { ComponentLicense } from './types';

// SPDX 2.3 §7.13 / §7.15: NOASSERTION and NONE say "no licence information", not a licence.
const NO_LICENSE = new Set(['NOASSERTION', 'NONE', '']);

/** True when `expression` is a valid SPDX licence expression (SPDX 2.3 Annex D). */
export function isSpdxExpression(expression: string): boolean {
  try {
    parseSpdxExpression(expression);
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads one licence statement: an SPDX expression when it parses as one, else a free-text name.
 * Returns undefined for NOASSERTION / NONE.
 */
export function licenseFromText(text: string): ComponentLicense | undefined {
  const trimmed = text.trim();
  if (NO_LICENSE.has(trimmed)) return undefined;
  return isSpdxExpression(trimmed) ? { expression: trimmed } : { name: trimmed };
}

/**
 * Joins licence statements into one SPDX expression (SPDX 2.3 Annex D: `AND` when all apply),
 * or undefined when one of them is a free-text name that no expression can carry.
 */
export function conjoinedExpression(licenses: readonly ComponentLicense[]): string | undefined {
  if (licenses.length === 0) return undefined;
  const parts: string[] = [];
  for (const license of licenses) {
    if (!('expression' in license)) return undefined;
    parts.push(licenses.length > 1 && /\s(AND|OR)\s/i.test(license.expression) ? `(${license.expression})` : license.expression);
  }
  return parts.join(' AND ');
}
