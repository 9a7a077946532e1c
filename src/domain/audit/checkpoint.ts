import { type KeyObject, createHash, createPublicKey, sign, verify } from 'node:crypto';
import type { Marking } from '../policy/marking';
import type { AuditContent, AuditEntry } from './chain';

/**
 * Signed checkpoints of the audit chain (ADR 0043). A hash chain alone proves only that its
 * entries link up: whoever can write the database can delete its tail, or all of it, and
 * what is left still links. A checkpoint is an entry in the chain that signs (Ed25519,
 * RFC 8032) the entry before it with a key kept outside the database; the newest checkpoint
 * is also written to an anchor file outside the database. `aisc audit verify` then knows how
 * long the chain was and what it said, and can tell a truncated chain from a short one.
 */
export const CHECKPOINT_ACTION = 'audit.checkpoint';
export const CHECKPOINT_RECORD_TYPE = 'audit_chain';
const SIGNATURE_PREFIX = 'ed25519:';

/** No organisation owns a checkpoint: TLP:RED with no recipients keeps it out of every audit trail view. */
export const CHECKPOINT_MARKING: Marking = {
  ownerOrganisationId: '00000000-0000-0000-0000-000000000000',
  createdBy: null,
  tlp: 'RED',
  classification: 'UNCLASSIFIED',
  accessOrganisations: [],
  accessUsers: [],
};

/** What a signature vouches for: entry `seq` of the chain has hash `hash`, as seen at `at`. */
export interface ChainClaim {
  /** `checkpoint`: an entry in the chain; `anchor`: the file outside the database. */
  readonly purpose: 'checkpoint' | 'anchor';
  readonly seq: number;
  readonly hash: string;
  readonly at: string;
  readonly keyId: string;
}

/** The external anchor: the newest checkpoint entry (its own seq and hash), signed again. */
export interface Anchor {
  readonly seq: number;
  readonly hash: string;
  readonly at: string;
  readonly keyId: string;
  readonly signature: string;
}

/** The bytes signed: RFC 8785 text (every value a string or safe integer; keys in order). */
export function claimText(c: ChainClaim): string {
  return JSON.stringify({ at: c.at, hash: c.hash, keyId: c.keyId, purpose: c.purpose, seq: c.seq });
}

/** A short, stable name of a public key: the first 16 hex digits of SHA-256 of its DER form. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

export function signClaim(c: ChainClaim, privateKey: KeyObject): string {
  return sign(null, Buffer.from(claimText(c), 'utf8'), privateKey).toString('base64url');
}

export function verifyClaim(c: ChainClaim, signature: string, key: KeyObject): boolean {
  try {
    const publicKey = key.type === 'private' ? createPublicKey(key) : key;
    return verify(null, Buffer.from(claimText(c), 'utf8'), publicKey, Buffer.from(signature, 'base64url'));
  } catch {
    return false;
  }
}

/**
 * The content of a checkpoint entry for the chain's current head (`seq`, `hash`): it names
 * the entry it vouches for (recordId, beforeDigest) and carries the signature (afterDigest).
 */
export function checkpointContent(
  head: { seq: number; hash: string },
  at: string,
  id: string,
  key: { privateKey: KeyObject; keyId: string },
): Omit<AuditContent, 'seq'> {
  const claim: ChainClaim = { purpose: 'checkpoint', seq: head.seq, hash: head.hash, at, keyId: key.keyId };
  return {
    id,
    at,
    actorUserId: null,
    actorOrganisationId: null,
    actorLabel: 'system:audit-checkpoint',
    action: CHECKPOINT_ACTION,
    recordType: CHECKPOINT_RECORD_TYPE,
    recordId: String(head.seq),
    beforeDigest: head.hash,
    afterDigest: `${SIGNATURE_PREFIX}${key.keyId}:${signClaim(claim, key.privateKey)}`,
    marking: CHECKPOINT_MARKING,
  };
}

export const isCheckpoint = (e: Pick<AuditEntry, 'action' | 'recordType'>): boolean =>
  e.action === CHECKPOINT_ACTION && e.recordType === CHECKPOINT_RECORD_TYPE;

/** A checkpoint entry read back: what it claims and its signature (null when malformed). */
export function checkpointOf(e: AuditEntry): { claim: ChainClaim; signature: string } | null {
  const m = /^ed25519:([0-9a-f]{16}):([A-Za-z0-9_-]+)$/.exec(e.afterDigest ?? '');
  const seq = Number(e.recordId);
  if (!m || !Number.isSafeInteger(seq) || !e.beforeDigest) return null;
  return { claim: { purpose: 'checkpoint', seq, hash: e.beforeDigest, at: e.at, keyId: m[1]! }, signature: m[2]! };
}

/** The anchor for a checkpoint entry, signed. */
export function anchorFor(entry: { seq: number; hash: string }, at: string, key: { privateKey: KeyObject; keyId: string }): Anchor {
  const claim: ChainClaim = { purpose: 'anchor', seq: entry.seq, hash: entry.hash, at, keyId: key.keyId };
  return { seq: entry.seq, hash: entry.hash, at, keyId: key.keyId, signature: signClaim(claim, key.privateKey) };
}

export const anchorClaim = (a: Anchor): ChainClaim => ({ purpose: 'anchor', seq: a.seq, hash: a.hash, at: a.at, keyId: a.keyId });
