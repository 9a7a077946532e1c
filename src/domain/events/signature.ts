import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Webhook signatures. The header is `t=<unix seconds>,v1=<hex HMAC-SHA256>` over
 * `<t>.<raw body>`: the timestamp is signed so a captured delivery cannot be replayed
 * later than the receiver's tolerance (the scheme Stripe and others use).
 */
export const SIGNATURE_HEADER = 'aisc-signature';

export function signatureFor(secret: string, timestampSeconds: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${timestampSeconds}.${body}`, 'utf8').digest('hex');
  return `t=${timestampSeconds},v1=${mac}`;
}

export type SignatureCheck = 'valid' | 'malformed' | 'mismatch' | 'expired';

/** What a receiver does: recompute and compare in constant time, reject stale timestamps. */
export function verifySignature(secret: string, header: string, body: string, nowSeconds: number, toleranceSeconds = 300): SignatureCheck {
  const parts = new Map(header.split(',').map((p) => p.split('=', 2) as [string, string]));
  const t = Number(parts.get('t'));
  const v1 = parts.get('v1');
  if (!Number.isInteger(t) || !v1 || !/^[0-9a-f]{64}$/.test(v1)) return 'malformed';
  const expected = Buffer.from(signatureFor(secret, t, body).split('v1=')[1]!, 'hex');
  if (!timingSafeEqual(expected, Buffer.from(v1, 'hex'))) return 'mismatch';
  return Math.abs(nowSeconds - t) > toleranceSeconds ? 'expired' : 'valid';
}
