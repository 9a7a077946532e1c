import { createHash } from 'node:crypto';
import { canonicalJson } from '../../standards/jcs/canonical-json';

/** Lower-case hex SHA-256 of a string's UTF-8 bytes. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Keys whose values never leave a service, not even as a digest input (a digest of a weak secret can be guessed). */
const SECRET_KEY = /(password|secret|token_?hash|tokenHash|csrf)/i;

function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (!SECRET_KEY.test(k) && v !== undefined) out[k] = withoutSecrets(v);
    return out;
  }
  return value instanceof Date ? value.toISOString() : value;
}

/** SHA-256 over the canonical JSON (RFC 8785) of a record's state (secrets removed); null for "no state". */
export function stateDigest(state: unknown): string | null {
  if (state === null || state === undefined) return null;
  return sha256Hex(canonicalJson(withoutSecrets(state)));
}
