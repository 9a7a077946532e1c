import canonicalize from 'canonicalize';

/**
 * RFC 8785 (JSON Canonicalization Scheme) text of a JSON value: sorted keys (§3.2.3),
 * ECMAScript number form (§3.2.2.3), no whitespace. Hashes and signatures that must be
 * reproducible (the audit chain, content digests) are taken over this text.
 */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('value has no JSON form');
  return text;
}
