import { fullFormats } from 'ajv-formats/dist/formats.js';

// ajv-formats checks `uri-reference` by character classes only: it lets a relative reference
// carry a colon in its first segment (`fi&le:///c:/src/file.c`), which RFC 3986 §4.2 forbids
// ("a path segment that contains a colon character … cannot be used as the first segment of a
// relative-path reference"): such text is a URI whose scheme (§3.1) must then be valid.
const CHARACTERS = fullFormats['uri-reference'] as RegExp;
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*$/;

/** True when `value` is a URI-reference (RFC 3986 §4.1): a URI, or a relative reference. */
export function isUriReference(value: string): boolean {
  if (!CHARACTERS.test(value)) return false;
  const firstSegment = /^[^/?#]*/.exec(value)![0];
  const colon = firstSegment.indexOf(':');
  return colon < 0 || SCHEME.test(firstSegment.slice(0, colon));
}
