import { FormatError } from '../problem';
import { makeWfn } from './wfn';
import { ANY, MAX_CPE_LENGTH, NA, isLogical, type CpeAttribute, type CpeValue, type Wfn } from './types';

const URI_ATTRIBUTES = ['part', 'vendor', 'product', 'version', 'update', 'edition', 'language'] as const;
const PACKED = ['edition', 'sw_edition', 'target_sw', 'target_hw', 'other'] as const;

/**
 * NISTIR 7695 §6.1.3.3 (decode): '.', '-' and '~' become quoted; '%01' is an unquoted '?',
 * '%02' an unquoted '*' (ends only, checked by the WFN rules); any other percent-encoded
 * character becomes quoted. Throws on a malformed escape.
 */
function decode(component: string, attribute: string): CpeValue {
  if (component === '') return ANY;
  if (component === '-') return NA;
  let out = '';
  for (let i = 0; i < component.length; i++) {
    const ch = component[i]!;
    if (ch === '%') {
      const hex = component.slice(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex))
        throw new FormatError('cpe', [{ path: `/${attribute}`, message: `invalid percent-encoding "${component.slice(i, i + 3)}"` }]);
      const code = parseInt(hex, 16);
      if (code === 1) out += '?';
      else if (code === 2) out += '*';
      else if (code < 0x21 || code > 0x7e) throw new FormatError('cpe', [{ path: `/${attribute}`, message: `"%${hex}" is not a printable character` }]);
      else {
        const decoded = String.fromCharCode(code);
        out += /^[A-Za-z0-9_]$/.test(decoded) ? decoded : `\\${decoded}`;
      }
      i += 2;
    } else if (/^[A-Za-z0-9_]$/.test(ch)) out += ch;
    else if (ch === '.' || ch === '-' || ch === '~') out += `\\${ch}`;
    else throw new FormatError('cpe', [{ path: `/${attribute}`, message: `character "${ch}" is not allowed in the URI binding` }]);
  }
  return out;
}

/**
 * Parses a CPE URI binding (`cpe:/part:vendor:product:version:update:edition:language`,
 * NISTIR 7695 §6.1) into a WFN, unpacking a `~`-packed edition (§6.1.3.2).
 * @throws FormatError naming each bad attribute.
 */
export function unbindUri(input: string): Wfn {
  if (input.length > MAX_CPE_LENGTH) throw new FormatError('cpe', [{ path: '', message: `longer than ${MAX_CPE_LENGTH} characters` }]);
  if (!/^cpe:\//i.test(input)) throw new FormatError('cpe', [{ path: '', message: 'a CPE URI starts with "cpe:/"' }]);
  const components = input.slice(5).split(':');
  if (components.length > URI_ATTRIBUTES.length) {
    throw new FormatError('cpe', [{ path: '', message: `a CPE URI has at most 7 components, found ${components.length}` }]);
  }
  const values: Partial<Record<CpeAttribute, CpeValue>> = {};
  URI_ATTRIBUTES.forEach((attribute, i) => {
    const component = components[i] ?? '';
    if (attribute === 'edition' && component.startsWith('~')) {
      const packed = component.slice(1).split('~');
      if (packed.length !== PACKED.length) {
        throw new FormatError('cpe', [{ path: '/edition', message: `a packed edition has 5 "~"-separated fields, found ${packed.length}` }]);
      }
      PACKED.forEach((name, j) => {
        values[name] = decode(packed[j]!, name);
      });
    } else values[attribute] = decode(component, attribute);
  });
  return makeWfn(values);
}

// NISTIR 7695 §6.1.2.3 (pct_encode): '-' and '.' stay as they are; others are encoded.
function pctEncode(ch: string): string {
  if (ch === '-' || ch === '.') return ch;
  return `%${ch.charCodeAt(0).toString(16).padStart(2, '0')}`;
}

/** NISTIR 7695 §6.1.2.2 (bind_value_for_uri / transform_for_uri). */
function bindValue(value: CpeValue): string {
  if (isLogical(value)) return value.logical === 'ANY' ? '' : '-';
  // A lone quoted hyphen would bind to "-" (NA); encode it so it unbinds to itself.
  if (value === '\\-') return '%2d';
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (/^[A-Za-z0-9_]$/.test(ch)) out += ch;
    else if (ch === '\\') {
      out += pctEncode(value[i + 1] ?? '');
      i++;
    } else if (ch === '?') out += '%01';
    else if (ch === '*') out += '%02';
  }
  return out;
}

/**
 * Binds a WFN to a CPE URI (NISTIR 7695 §6.1.2). When any of sw_edition, target_sw,
 * target_hw or other is not ANY they are packed into the edition with '~' (§6.1.2.3);
 * trailing empty components are dropped.
 */
export function bindUri(wfn: Wfn): string {
  const packs = PACKED.slice(1).some((a) => !isLogical(wfn[a], 'ANY'));
  const components = URI_ATTRIBUTES.map((attribute) => {
    if (attribute === 'edition' && packs) return `~${PACKED.map((a) => bindValue(wfn[a])).join('~')}`;
    return bindValue(wfn[attribute]);
  });
  while (components.length > 1 && components[components.length - 1] === '') components.pop();
  return `cpe:/${components.join(':')}`;
}
