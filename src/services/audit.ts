import { type ChainBreak, type ChainCursor, START, describeBreak, isBreak, step } from '../domain/audit/chain';
import { AppError } from '../domain/errors';
import { can } from '../domain/policy/actions';
import { type Principal, viewerOf } from '../domain/identity/principal';
import { chainHead, chainPage, listAudit } from '../store/audit';
import type { Db } from '../store/database';
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

export interface VerifyResult {
  readonly ok: boolean;
  readonly entries: number;
  readonly headSeq: number;
  readonly headHash: string | null;
  readonly firstBreak: (ChainBreak & { readonly message: string }) | null;
}

/**
 * Walks the whole chain in order, page by page (keyset on seq), recomputing every hash;
 * names the first broken entry. Ends by comparing with the recorded head, which catches
 * deleted newest entries.
 */
export async function verifyAuditChain(db: Db, pageSize = 10_000): Promise<VerifyResult> {
  let cursor: ChainCursor = START;
  let entries = 0;
  const head = await chainHead(db);
  for (;;) {
    const page = await chainPage(db, cursor.expectedSeq - 1, pageSize);
    for (const e of page) {
      if (head && e.seq > head.seq) return broken({ kind: 'beyond-head', seq: e.seq, id: e.id }, entries, head);
      if (!head) return broken({ kind: 'beyond-head', seq: e.seq, id: e.id }, entries, head);
      const next = step(cursor, e);
      if (isBreak(next)) return broken(next, entries, head);
      cursor = next;
      entries++;
    }
    if (page.length < pageSize) break;
  }
  const lastSeq = cursor.expectedSeq - 1;
  if ((head?.seq ?? 0) !== lastSeq || (head && head.hash !== cursor.prevHash)) {
    return broken({ kind: 'head', seq: lastSeq + 1, expectedSeq: (head?.seq ?? 0) + 1 }, entries, head);
  }
  return { ok: true, entries, headSeq: lastSeq, headHash: head?.hash ?? null, firstBreak: null };
}

function broken(b: ChainBreak, entries: number, head: { seq: number; hash: string } | null): VerifyResult {
  return { ok: false, entries, headSeq: head?.seq ?? 0, headHash: head?.hash ?? null, firstBreak: { ...b, message: describeBreak(b) } };
}
