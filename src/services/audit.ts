import type { KeyObject } from 'node:crypto';
import { type AuditEntry, type ChainBreak, type ChainCursor, START, describeBreak, entryHash, isBreak, step } from '../domain/audit/chain';
import { type Anchor, CHECKPOINT_ACTION, anchorClaim, anchorFor, checkpointContent, checkpointOf, isCheckpoint, verifyClaim } from '../domain/audit/checkpoint';
import { type ProofFacts, describeProof } from '../domain/audit/proof';
import type { Config } from '../config/config';
import { AppError } from '../domain/errors';
import { can } from '../domain/policy/actions';
import { type Principal, viewerOf } from '../domain/identity/principal';
import { appendAtHead, chainHead, chainPage, listAudit } from '../store/audit';
import { loadOrCreateAuditKey, readAnchor, readAuditKey, writeAnchor } from '../store/audit-anchor';
import type { Db, Executor } from '../store/database';
import type { ServiceContext } from './context';

export interface AuditEntryView {
  readonly seq: number;
  readonly id: string;
  readonly at: string;
  readonly actor: { readonly userId: string | null; readonly organisationId: string | null; readonly label: string };
  readonly action: string;
  readonly recordType: string;
  readonly recordId: string;
  readonly beforeDigest: string | null;
  readonly afterDigest: string | null;
  readonly prevHash: string;
  readonly hash: string;
}

/**
 * The audit trail an administrator may read: entries about records they can see (the
 * entry carries its record's marking, so the same policy filters it).
 */
export async function auditTrail(
  ctx: ServiceContext,
  p: Principal,
  f: { recordType?: string | undefined; recordId?: string | undefined; limit: number; offset: number },
): Promise<{ items: AuditEntryView[]; total: number }> {
  if (!can(p, 'audit.read')) throw new AppError('FORBIDDEN', 'Audit trails are for administrators');
  const r = await listAudit(ctx.db, viewerOf(p), f);
  return {
    total: r.total,
    items: r.items.map((e) => ({
      seq: e.seq,
      id: e.id,
      at: e.at,
      actor: { userId: e.actorUserId, organisationId: e.actorOrganisationId, label: e.actorLabel },
      action: e.action,
      recordType: e.recordType,
      recordId: e.recordId,
      beforeDigest: e.beforeDigest,
      afterDigest: e.afterDigest,
      prevHash: e.prevHash,
      hash: e.hash,
    })),
  };
}

/** What verification trusts beyond the database: the audit key and the external anchor (ADR 0043). */
export interface ChainTrust {
  /** The key that signs checkpoints (its public half suffices), or null when none is configured or found. */
  readonly key: { readonly publicKey: KeyObject; readonly keyId: string } | null;
  /** The anchor file's content: null when there is none. */
  readonly anchor: Anchor | 'unreadable' | null;
  readonly anchorFile: string | null;
  /** An entry the operator kept (`--expect-head SEQ:HASH`): it must still be there, unchanged. */
  readonly expected?: { readonly seq: number; readonly hash: string } | undefined;
}

const NO_TRUST: ChainTrust = { key: null, anchor: null, anchorFile: null };

/** The key and anchor the configuration names (absent files read as absent). */
export function chainTrustOf(config: Config): ChainTrust {
  const key = config.auditKeyFile ? readAuditKey(config.auditKeyFile) : null;
  return {
    key: key ? { publicKey: key.publicKey, keyId: key.keyId } : null,
    anchor: config.auditAnchorFile ? readAnchor(config.auditAnchorFile) : null,
    anchorFile: config.auditAnchorFile,
  };
}

/** What a verification could prove beyond "the entries link up". */
export type ChainProof = ProofFacts;

export interface VerifyResult {
  readonly ok: boolean;
  readonly entries: number;
  readonly headSeq: number;
  readonly headHash: string | null;
  readonly firstBreak: (ChainBreak & { readonly message: string }) | null;
  readonly proof: ChainProof;
  /** One line saying what was proven and what was not. */
  readonly statement: string;
}

/**
 * Walks the whole chain in order, page by page (keyset on seq), recomputing every hash and
 * checking every checkpoint's signature; names the first broken entry. Ends by comparing
 * with the recorded head (deleted newest entries while the head row survives) and with the
 * external anchor (deleted newest entries, a wiped table, a chain rebuilt from some entry
 * on), which the database alone cannot show. Runs in one read-only snapshot so concurrent
 * appends do not look like tampering.
 */
export async function verifyAuditChain(db: Db, pageSize = 10_000, trust: ChainTrust = NO_TRUST): Promise<VerifyResult> {
  return db.transaction((tx) => walk(tx, pageSize, trust), { isolationLevel: 'repeatable read', accessMode: 'read only' });
}

async function walk(db: Executor, pageSize: number, trust: ChainTrust): Promise<VerifyResult> {
  let cursor: ChainCursor = START;
  let entries = 0;
  const head = await chainHead(db);
  const anchor = trust.anchor === 'unreadable' ? null : trust.anchor;
  let checkpoints = 0;
  let verifiedCheckpoints = 0;
  let lastCheckpoint: ChainProof['lastCheckpoint'] = null;
  const watched = new Map<number, string | null>();
  if (anchor) watched.set(anchor.seq, null);
  if (trust.expected) watched.set(trust.expected.seq, null);
  const proof = (anchorOk: ChainProof['anchor'] = null): ChainProof => ({
    keyId: trust.key?.keyId ?? null,
    checkpoints,
    verifiedCheckpoints,
    lastCheckpoint,
    anchor: anchorOk,
    anchorFile: trust.anchorFile,
  });
  // The next page is asked for as soon as this one arrives, so on a server the database reads
  // it while this page is hashed (ADR 0055); a page not used after a break is let go unobserved.
  let pending: Promise<AuditEntry[]> | null = chainPage(db, cursor.expectedSeq - 1, pageSize);
  const fail = (b: ChainBreak) => {
    pending?.catch(() => undefined);
    return broken(b, entries, head, proof());
  };
  while (pending) {
    const page: AuditEntry[] = await pending;
    pending = page.length === pageSize ? chainPage(db, page[page.length - 1]!.seq, pageSize) : null;
    for (const e of page) {
      if (!head || e.seq > head.seq) return fail({ kind: 'beyond-head', seq: e.seq, id: e.id });
      const next = step(cursor, e);
      if (isBreak(next)) return fail(next);
      if (isCheckpoint(e)) {
        const cp = checkpointOf(e);
        if (!cp) return fail({ kind: 'checkpoint', seq: e.seq, id: e.id, reason: 'malformed' });
        if (cp.claim.seq !== e.seq - 1 || cp.claim.hash !== e.prevHash) return fail({ kind: 'checkpoint', seq: e.seq, id: e.id, reason: 'claim' });
        const checkable = trust.key !== null && cp.claim.keyId === trust.key.keyId;
        if (checkable && !verifyClaim(cp.claim, cp.signature, trust.key!.publicKey))
          return fail({ kind: 'checkpoint', seq: e.seq, id: e.id, reason: 'signature' });
        checkpoints++;
        if (checkable) verifiedCheckpoints++;
        lastCheckpoint = { seq: e.seq, at: e.at, verified: checkable };
      }
      if (watched.has(e.seq)) watched.set(e.seq, e.hash);
      cursor = next;
      entries++;
    }
  }
  const lastSeq = cursor.expectedSeq - 1;
  // The anchor first: it knows more than the head row, which lives in the same database.
  if (trust.anchor === 'unreadable') return fail({ kind: 'anchor', reason: 'unreadable', file: trust.anchorFile ?? '' });
  let anchorOk: ChainProof['anchor'] = null;
  if (anchor) {
    const checkable = trust.key !== null && anchor.keyId === trust.key.keyId;
    if (checkable && !verifyClaim(anchorClaim(anchor), anchor.signature, trust.key!.publicKey))
      return fail({ kind: 'anchor', reason: 'signature', file: trust.anchorFile ?? '' });
    if (anchor.seq > lastSeq) return fail({ kind: 'truncated', seq: anchor.seq, entries: lastSeq, at: anchor.at });
    if (watched.get(anchor.seq) !== anchor.hash) return fail({ kind: 'rewritten', seq: anchor.seq, at: anchor.at });
    anchorOk = { seq: anchor.seq, at: anchor.at, verified: checkable, file: trust.anchorFile ?? '' };
  }
  if (trust.expected) {
    const found = watched.get(trust.expected.seq) ?? null;
    if (trust.expected.seq > lastSeq || found !== trust.expected.hash) return fail({ kind: 'expected', seq: trust.expected.seq, entries: lastSeq, found });
  }
  if ((head?.seq ?? 0) !== lastSeq || (head && head.hash !== cursor.prevHash)) {
    return fail({ kind: 'head', seq: lastSeq + 1, expectedSeq: (head?.seq ?? 0) + 1 });
  }
  const p = proof(anchorOk);
  return {
    ok: true,
    entries,
    headSeq: lastSeq,
    headHash: head?.hash ?? null,
    firstBreak: null,
    proof: p,
    statement: describeProof(lastSeq, head?.hash ?? null, p, trust.expected),
  };
}

/** Creates the audit key on first start (serve, migrate), so that the first writes are checkpointed. */
export function ensureAuditKey(config: Config): void {
  if (config.auditKeyFile) loadOrCreateAuditKey(config.auditKeyFile);
}

/** The sequence number of the chain's newest entry (0 when empty). */
export async function auditHeadSeq(ctx: ServiceContext): Promise<number> {
  return (await chainHead(ctx.db))?.seq ?? 0;
}

/**
 * Walks the chain from `from` (or from the anchored entry, whose hash must be unchanged) to
 * its end, checking links, hashes and checkpoint signatures; throws CONFLICT at a break.
 */
async function verifiedSegment(db: Executor, anchor: Anchor | null, from: ChainCursor, key: { publicKey: KeyObject; keyId: string }): Promise<ChainCursor> {
  let cursor = from;
  if (anchor && anchor.seq >= from.expectedSeq) {
    const [e] = await chainPage(db, anchor.seq - 1, 1);
    if (!e || e.seq !== anchor.seq || e.hash !== anchor.hash || entryHash(e, e.prevHash) !== e.hash) {
      throw new AppError('CONFLICT', `the audit chain no longer matches its anchor (entry ${anchor.seq}): not signing a checkpoint; run \`aisc audit verify\``);
    }
    cursor = { expectedSeq: anchor.seq + 1, prevHash: anchor.hash };
  }
  for (;;) {
    const page = await chainPage(db, cursor.expectedSeq - 1, 10_000);
    for (const e of page) {
      const next = step(cursor, e);
      const cp = isCheckpoint(e) ? checkpointOf(e) : null;
      const badCheckpoint = isCheckpoint(e) && (!cp || (cp.claim.keyId === key.keyId && !verifyClaim(cp.claim, cp.signature, key.publicKey)));
      if (isBreak(next) || badCheckpoint)
        throw new AppError('CONFLICT', `the audit chain is broken at entry ${e.seq}: not signing a checkpoint; run \`aisc audit verify\``);
      cursor = next;
    }
    if (page.length < 10_000) return cursor;
  }
}

function broken(b: ChainBreak, entries: number, head: { seq: number; hash: string } | null, proof: ChainProof): VerifyResult {
  const message = describeBreak(b);
  return { ok: false, entries, headSeq: head?.seq ?? 0, headHash: head?.hash ?? null, firstBreak: { ...b, message }, proof, statement: message };
}

/**
 * Signs a checkpoint of the chain's head (an entry in the chain) and writes it to the
 * anchor file, when the chain grew since the last checkpoint. Nothing when no key file is
 * configured. The key is created on first use unless `createKey: false` (CLI verbs use the
 * server's key and never make one of their own).
 */
export async function checkpointAuditChain(
  ctx: ServiceContext,
  opts: { createKey?: boolean } = {},
): Promise<{ seq: number; hash: string; at: string; created: boolean } | null> {
  const { auditKeyFile, auditAnchorFile } = ctx.config;
  if (!auditKeyFile) return null;
  const key = opts.createKey === false ? readAuditKey(auditKeyFile) : loadOrCreateAuditKey(auditKeyFile);
  if (!key) return null;
  if (!key.privateKey)
    throw new AppError('VALIDATION', `${auditKeyFile} holds a public key only: checkpoints need the private key`, [
      { path: '/env/AISC_AUDIT_KEY_FILE', message: 'no private key' },
    ]);
  const signer = { privateKey: key.privateKey, keyId: key.keyId };
  const at = ctx.now().toISOString();
  // Never sign what does not verify: extend only a segment that links up to the last anchor
  // (or, without one, from genesis). Checked first without the chain lock, then the few
  // entries appended meanwhile under it.
  const anchor = auditAnchorFile ? readAnchor(auditAnchorFile) : null;
  let cursor = await verifiedSegment(ctx.db, anchor === 'unreadable' ? null : anchor, START, key);
  const r = await appendAtHead(ctx.db, async (tx, head) => {
    cursor = await verifiedSegment(tx, null, cursor, key);
    if (cursor.expectedSeq - 1 !== head.seq || cursor.prevHash !== head.hash)
      throw new AppError('CONFLICT', `the audit chain does not end at its recorded head (entry ${head.seq}): run \`aisc audit verify\``);
    return head.seq === 0 || head.action === CHECKPOINT_ACTION ? null : checkpointContent(head, at, ctx.newId(), signer);
  });
  const anchored = r.appended ?? (r.head.action === CHECKPOINT_ACTION ? { seq: r.head.seq, hash: r.head.hash } : null);
  if (!anchored) return null;
  if (auditAnchorFile) {
    const current = readAnchor(auditAnchorFile);
    // Never move the anchor backwards (another node may have anchored a later checkpoint).
    if (current === null || current === 'unreadable' || current.seq < anchored.seq) writeAnchor(auditAnchorFile, anchorFor(anchored, at, signer));
  }
  return { seq: anchored.seq, hash: anchored.hash, at: r.appended?.at ?? at, created: r.appended !== null };
}
