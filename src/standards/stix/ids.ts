import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/** STIX 2.1 §2.9: the namespace for deterministic ids of cyber-observable objects. */
export const STIX_SCO_NAMESPACE = '00abedb4-aa42-466c-9c01-fed23315a9b7';

/** RFC 9562 Appendix A: the URL namespace. */
const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

function uuidBytes(uuid: string): Buffer {
  return Buffer.from(uuid.replace(/-/g, ''), 'hex');
}

/** RFC 9562 §5.5 UUID version 5 (SHA-1 of namespace and name). Pure: hashing is not I/O. */
export function uuidV5(namespace: string, name: string): string {
  const hash = createHash('sha1').update(uuidBytes(namespace)).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** AISC's namespace for deterministic ids of the SDOs and SROs it derives from advisories. */
export const AISC_STIX_NAMESPACE = uuidV5(URL_NAMESPACE, 'urn:aisc:stix-2.1');

/**
 * A deterministic STIX identifier `type--uuidv5`: the name is the RFC 8785 canonical JSON of
 * `content`, so the same content always gives the same id (STIX 2.1 §2.9).
 */
export function deterministicStixId(type: string, content: unknown, namespace = AISC_STIX_NAMESPACE): string {
  return `${type}--${uuidV5(namespace, canonicalize(content) ?? 'null')}`;
}
