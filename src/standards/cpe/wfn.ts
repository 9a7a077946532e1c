import { FormatError, type Problem } from '../problem';
import { ANY, CPE_ATTRIBUTES, isLogical, type CpeAttribute, type CpeValue, type Wfn } from './types';

const ALPHANUM = /^[A-Za-z0-9_]$/;

/**
 * Checks a quoted WFN value string against NISTIR 7695 §5.3.2: printable ASCII only, every
 * non-alphanumeric character other than `_` quoted with `\`, an unquoted `*` only as the
 * first or last character, unquoted `?` only in runs at the start or end. Returns the
 * problem, or null when the value is valid.
 */
export function checkValueString(value: string): string | null {
  if (value === '') return 'empty value';
  let i = 0;
  const n = value.length;
  let leading = true;
  while (i < n) {
    const ch = value[i]!;
    if (ch < '!' || ch > '~') return `character ${JSON.stringify(ch)} is not printable ASCII`;
    if (ch === '\\') {
      const next = value[i + 1];
      if (next === undefined) return 'value ends with an unfinished escape';
      if (next < '!' || next > '~') return `escaped character ${JSON.stringify(next)} is not printable ASCII`;
      i += 2;
      leading = false;
      continue;
    }
    if (ch === '*') {
      if (i !== 0 && i !== n - 1) return 'unquoted "*" is allowed only at the start or end';
      if (n === 1) return 'a lone "*" is the logical value ANY, not a string';
      leading = false;
    } else if (ch === '?') {
      if (!leading && !/^\?*$/.test(value.slice(i))) return 'unquoted "?" is allowed only at the start or end';
    } else if (!ALPHANUM.test(ch)) {
      return `character "${ch}" must be quoted`;
    } else {
      leading = false;
    }
    i++;
  }
  return null;
}

/** NISTIR 7695 §5.3.3: per-attribute rules beyond the value-string syntax. */
function checkAttribute(attribute: CpeAttribute, value: CpeValue): string | null {
  if (isLogical(value)) return null;
  const syntax = checkValueString(value);
  if (syntax) return syntax;
  // §5.3.3.1: part is "a", "o" or "h".
  if (attribute === 'part' && !/^[aoh]$/i.test(value)) return `part must be "a", "o" or "h", not "${value}"`;
  // §5.3.3.3: language is an RFC 5646 language tag (language, optional region).
  if (attribute === 'language' && !/[*?]/.test(value) && !/^[A-Za-z]{2,3}(\\-([A-Za-z]{2}|[0-9]{3}))?$/.test(value)) {
    return `language "${value}" is not a language tag`;
  }
  return null;
}

/**
 * Builds a WFN from attribute values (missing attributes are ANY) and checks every value.
 * @throws FormatError listing every bad attribute.
 */
export function makeWfn(values: Partial<Record<CpeAttribute, CpeValue>>, format = 'cpe'): Wfn {
  const problems: Problem[] = [];
  const wfn = {} as Record<CpeAttribute, CpeValue>;
  for (const attribute of CPE_ATTRIBUTES) {
    const value = values[attribute] ?? ANY;
    const problem = checkAttribute(attribute, value);
    if (problem) problems.push({ path: `/${attribute}`, message: problem });
    wfn[attribute] = value;
  }
  if (problems.length > 0) throw new FormatError(format, problems);
  return wfn;
}

/** The WFN's display form (NISTIR 7695 §5.4): `wfn:[part="a",vendor="…",…]`, ANY omitted. */
export function formatWfn(wfn: Wfn): string {
  const parts: string[] = [];
  for (const attribute of CPE_ATTRIBUTES) {
    const value = wfn[attribute];
    if (isLogical(value, 'ANY')) continue;
    parts.push(`${attribute}=${isLogical(value) ? value.logical : `"${value}"`}`);
  }
  return `wfn:[${parts.join(',')}]`;
}
