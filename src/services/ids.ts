import { randomBytes, createHash } from 'node:crypto';

/**
 * UUIDv7 (RFC 9562 §5.7): time-ordered, so primary keys and outbox ids index in
 * insertion order.
 */
export function uuidv7(now: number = Date.now()): string {
  const b = randomBytes(16);
  b.writeUIntBE(now, 0, 6);
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A high-entropy secret with a recognisable prefix (e.g. `aisc_pat_…`), base64url. */
export function newSecret(prefix: string, bytes = 32): string {
  return `${prefix}${randomBytes(bytes).toString('base64url')}`;
}

/** Secrets are 256-bit random values, so one SHA-256 is enough to store them (no slow hash needed). */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** A uniform number in [0,1) for backoff jitter. */
export const jitter = (): number => randomBytes(4).readUInt32BE(0) / 2 ** 32;
