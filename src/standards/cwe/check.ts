import { CWE_WEAKNESSES } from './catalogue';

/** CWE ids are written `CWE-<n>` (CWE "Identifiers"); `cwe-79` and `CWE-079` are read as CWE-79. */
const CWE_ID = /^cwe-0*([1-9]\d{0,5})$/i;

const BY_ID = new Map<number, { name: string; deprecated: boolean }>(CWE_WEAKNESSES.map(([id, name, d]) => [id, { name, deprecated: d === 1 }]));

export type CweCheck = { readonly ok: true; readonly id: string; readonly name: string } | { readonly ok: false; readonly message: string };

/**
 * Checks a CWE id: its form, then that the catalogue knows it as a weakness that is not
 * deprecated. Returns the canonical `CWE-<n>` form.
 */
export function checkCwe(text: string): CweCheck {
  const m = CWE_ID.exec(text.trim());
  if (!m) return { ok: false, message: 'a CWE id looks like CWE-79' };
  const n = Number(m[1]);
  const known = BY_ID.get(n);
  if (!known) return { ok: false, message: `CWE-${n} is not a weakness in the CWE catalogue 4.17` };
  if (known.deprecated) return { ok: false, message: `CWE-${n} is deprecated in the CWE catalogue` };
  return { ok: true, id: `CWE-${n}`, name: known.name };
}

/** The name of a known CWE id, if any. */
export const cweName = (id: string): string | undefined => BY_ID.get(Number(id.replace(/^CWE-/i, '')))?.name;
