import { randomBytes, randomFillSync, createHash } from 'node:crypto';

// Random bytes are drawn a pool at a time: one system call per 409 ids instead of one each
// (bulk intake mints three ids per finding).
const POOL = Buffer.alloc(16 * 409);
let pooled = POOL.length;
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * UUIDv7 (RFC 9562 §5.7): 48-bit Unix milliseconds, version, then 74 random bits; time-ordered,
 * so primary keys and outbox ids index in insertion order.
 */
export function uuidv7(now: number = Date.now()): string {
  if (pooled === POOL.length) {
    randomFillSync(POOL);
    pooled = 0;
  }
  const o = pooled;
  pooled += 16;
  const r = (i: number) => HEX[POOL[o + i]!]!;
  const ms = now.toString(16).padStart(12, '0');
  return `${ms.slice(0, 8)}-${ms.slice(8, 12)}-${HEX[(POOL[o + 6]! & 0x0f) | 0x70]}${r(7)}-${HEX[(POOL[o + 8]! & 0x3f) | 0x80]}${r(9)}-${r(10)}${r(11)}${r(12)}${r(13)}${r(14)}${r(15)}`;
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
