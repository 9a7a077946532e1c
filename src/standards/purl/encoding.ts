import type { Problem } from '../problem';

// ECMA-427 §5.4 (character encoding): these characters are never percent-encoded in the
// canonical form; the colon is allowed unencoded everywhere (purl-spec "Character encoding").
const UNENCODED = /^[A-Za-z0-9.\-_~:]$/;
const HEX = '0123456789ABCDEF';
const utf8 = new TextEncoder();
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Percent-encodes one component value (or one segment of it) in canonical form. */
export function encodeComponent(value: string): string {
  let out = '';
  for (const ch of value) {
    if (UNENCODED.test(ch)) {
      out += ch;
      continue;
    }
    for (const byte of utf8.encode(ch)) out += `%${HEX[byte >> 4]}${HEX[byte & 15]}`;
  }
  return out;
}

/**
 * Decodes percent-encoding. A `%` not followed by two hex digits, or bytes that are not
 * UTF-8, is a problem at `path` (returned as `null` after pushing the problem).
 */
export function decodeComponent(value: string, path: string, problems: Problem[]): string | null {
  if (!value.includes('%')) return value;
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const ch = value.charCodeAt(i);
    if (ch === 0x25) {
      const hex = value.slice(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) {
        problems.push({ path, message: `invalid percent-encoding at "${value.slice(i, i + 3)}"` });
        return null;
      }
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      const cp = value.codePointAt(i)!;
      if (cp > 0xffff) i++;
      for (const byte of utf8.encode(String.fromCodePoint(cp))) bytes.push(byte);
    }
  }
  try {
    return strictUtf8.decode(new Uint8Array(bytes));
  } catch {
    problems.push({ path, message: 'percent-encoded bytes are not UTF-8' });
    return null;
  }
}
