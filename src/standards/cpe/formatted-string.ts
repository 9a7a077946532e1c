import { FormatError } from '../problem';
import { makeWfn } from './wfn';
import { ANY, CPE_ATTRIBUTES, MAX_CPE_LENGTH, NA, isLogical, type CpeAttribute, type CpeValue, type Wfn } from './types';

/** Splits on unescaped ':' (NISTIR 7695 §6.2: '\:' is a quoted colon, not a separator). */
function splitFields(text: string): string[] {
  const fields: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\' && i + 1 < text.length) {
      current += ch + text[i + 1];
      i++;
    } else if (ch === ':') {
      fields.push(current);
      current = '';
    } else current += ch;
  }
  fields.push(current);
  return fields;
}

/**
 * NISTIR 7695 §6.2.3.3 (unbind_value_fs): '*' is ANY, '-' is NA; otherwise every
 * non-alphanumeric character other than '_' becomes quoted, escapes are kept as they are,
 * and '*' / '?' stay unquoted wildcards.
 */
function unbindValue(field: string): CpeValue {
  if (field === '*') return ANY;
  if (field === '-') return NA;
  let out = '';
  for (let i = 0; i < field.length; i++) {
    const ch = field[i]!;
    if (ch === '\\') {
      out += field.slice(i, i + 2);
      i++;
    } else if (/^[A-Za-z0-9_*?]$/.test(ch)) out += ch;
    else out += `\\${ch}`;
  }
  return out;
}

/**
 * Parses a CPE 2.3 formatted string (`cpe:2.3:part:vendor:…:other`, NISTIR 7695 §6.2) into
 * a WFN.
 * @throws FormatError naming each bad attribute.
 */
export function unbindFormattedString(input: string): Wfn {
  if (input.length > MAX_CPE_LENGTH) throw new FormatError('cpe', [{ path: '', message: `longer than ${MAX_CPE_LENGTH} characters` }]);
  if (!/^cpe:2\.3:/i.test(input)) throw new FormatError('cpe', [{ path: '', message: 'a formatted string starts with "cpe:2.3:"' }]);
  const fields = splitFields(input.slice(8));
  if (fields.length !== CPE_ATTRIBUTES.length) {
    throw new FormatError('cpe', [{ path: '', message: `a formatted string has 11 components after "cpe:2.3:", found ${fields.length}` }]);
  }
  const values: Partial<Record<CpeAttribute, CpeValue>> = {};
  CPE_ATTRIBUTES.forEach((attribute, i) => {
    values[attribute] = unbindValue(fields[i]!);
  });
  return makeWfn(values);
}

/** NISTIR 7695 §6.2.2.2 (bind_value_for_fs): '.', '-' and '_' lose their quoting; others keep it. */
function bindValue(value: CpeValue): string {
  if (isLogical(value)) return value.logical === 'ANY' ? '*' : '-';
  // A value that is only a quoted hyphen would bind to "-", which unbinds to NA; keeping
  // its backslash keeps the value (a gap in §6.2.2.2's process_quoted_chars).
  if (value === '\\-') return value;
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (ch === '\\') {
      const next = value[i + 1] ?? '';
      out += /^[.\-_]$/.test(next) ? next : `\\${next}`;
      i++;
    } else out += ch;
  }
  return out;
}

/** Binds a WFN to its CPE 2.3 formatted string (NISTIR 7695 §6.2.2). */
export function bindFormattedString(wfn: Wfn): string {
  return `cpe:2.3:${CPE_ATTRIBUTES.map((a) => bindValue(wfn[a])).join(':')}`;
}
