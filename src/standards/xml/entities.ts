import { FormatError } from '../problem';

// XML 1.0 §4.6: the five predefined entities; character references per §4.1.
const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const REFERENCE = /&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z_][\w.-]*);/g;

/**
 * Decodes the predefined entities and character references of XML text. Any other named
 * entity would need a DTD declaration, which the reader refuses, so it is an error here.
 */
export function decodeXmlText(raw: string, format: string, path: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(REFERENCE, (_match, reference: string) => {
    if (reference.startsWith('#')) {
      const code = reference[1] === 'x' ? Number.parseInt(reference.slice(2), 16) : Number.parseInt(reference.slice(1), 10);
      if (!isXmlChar(code)) {
        throw new FormatError(format, [{ path, message: `XML character reference &${reference}; is not a legal character` }]);
      }
      return String.fromCodePoint(code);
    }
    const value = PREDEFINED[reference];
    if (value === undefined) {
      throw new FormatError(format, [{ path, message: `XML entity &${reference}; is not declared (only the predefined entities are accepted)` }]);
    }
    return value;
  });
}

// XML 1.0 §2.2 Char production.
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}
