import { insertRows } from './insert-many';
import { and, asc, count, desc, eq, gt, sql, type SQL } from 'drizzle-orm';
import { type AuditContent, type AuditEntry, GENESIS_HASH, chainEntry } from '../domain/audit/chain';
import type { Viewer } from '../domain/policy/viewer';
import type { Executor, Tx } from './database';
import { auditHead, auditLog } from './schema/index';
import { markingOf, markingRow, visibleTo } from './visibility';

/** Any constant: the advisory lock that serialises appends to the chain (ADR 0004). */
const CHAIN_LOCK = 0x41495343; // "AISC"

/**
 * Appends entries to the chain inside the caller's transaction. The transaction-scoped
 * advisory lock makes appends (and therefore commits of audited writes) happen in chain
 * order; it is released at commit or rollback.
 */
export async function appendAudit(tx: Tx, contents: ReadonlyArray<Omit<AuditContent, 'seq'>>): Promise<AuditEntry[]> {
  if (contents.length === 0) return [];
  await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`);
  const [head] = await tx.select().from(auditHead).where(eq(auditHead.id, 1));
  let seq = head?.seq ?? 0;
  let prev = head?.hash ?? GENESIS_HASH;
  const entries = contents.map((c) => {
    const e = chainEntry({ ...c, seq: ++seq }, prev);
    prev = e.hash;
    return e;
  });
  // A batch (an import's) goes in as one COPY, free of the parameter limit (ADR 0055).
  await insertRows(tx, auditLog, entries.map(toRow));
  await tx
    .insert(auditHead)
    .values({ id: 1, seq, hash: prev })
    .onConflictDoUpdate({ target: auditHead.id, set: { seq, hash: prev } });
  return entries;
}

/**
 * Appends what `build` makes of the current head, under the chain lock, in its own
 * transaction; `build` returns nothing to append nothing. For checkpoints, which must sign
 * exactly the head they follow (ADR 0043).
 */
export async function appendAtHead(
  db: Executor,
  build: (tx: Tx, head: { seq: number; hash: string; action: string | null }) => Promise<Omit<AuditContent, 'seq'> | null>,
): Promise<{ appended: AuditEntry | null; head: { seq: number; hash: string; action: string | null } }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`);
    const [h] = await tx.select().from(auditHead).where(eq(auditHead.id, 1));
    const [last] = h ? await tx.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.seq, h.seq)) : [];
    const head = { seq: h?.seq ?? 0, hash: h?.hash ?? GENESIS_HASH, action: last?.action ?? null };
    const content = await build(tx, head);
    if (!content) return { appended: null, head };
    const [appended] = await appendAudit(tx, [content]);
    return { appended: appended!, head };
  });
}

const toRow = (e: AuditEntry) => ({
  seq: e.seq,
  id: e.id,
  at: new Date(e.at),
  actorUserId: e.actorUserId,
  actorOrganisationId: e.actorOrganisationId,
  actorLabel: e.actorLabel,
  action: e.action,
  recordType: e.recordType,
  recordId: e.recordId,
  beforeDigest: e.beforeDigest,
  afterDigest: e.afterDigest,
  ...markingRow(e.marking),
  prevHash: e.prevHash,
  hash: e.hash,
});

export const fromRow = (r: typeof auditLog.$inferSelect): AuditEntry => ({
  seq: r.seq,
  id: r.id,
  at: r.at.toISOString(),
  actorUserId: r.actorUserId,
  actorOrganisationId: r.actorOrganisationId,
  actorLabel: r.actorLabel,
  action: r.action,
  recordType: r.recordType,
  recordId: r.recordId,
  beforeDigest: r.beforeDigest,
  afterDigest: r.afterDigest,
  marking: markingOf(r),
  prevHash: r.prevHash,
  hash: r.hash,
});

/**
 * One page of the chain in order, after `afterSeq` (unfiltered: for verification only).
 * The page comes back as one JSON text built by the database: decoding one value is several
 * times faster than decoding thousands of rows field by field, on both drivers.
 */
export async function chainPage(db: Executor, afterSeq: number, limit: number): Promise<AuditEntry[]> {
  const result = await db.execute<{ page: string }>(sql`
    select coalesce(json_agg(p order by p.seq), '[]')::text as page from (
      select seq, id, at, actor_user_id, actor_organisation_id, actor_label, action, record_type, record_id,
             before_digest, after_digest, owner_organisation_id, created_by, tlp, classification,
             access_organisations, access_users, coordinators, prev_hash, hash
      from audit_log where seq > ${afterSeq} order by seq limit ${limit}) p`);
  const rows = (Array.isArray(result) ? result : (result as { rows: { page: string }[] }).rows) as { page: string }[];
  return (JSON.parse(rows[0]!.page) as PageRow[]).map((r) => ({
    seq: Number(r.seq),
    id: r.id,
    at: new Date(r.at).toISOString(),
    actorUserId: r.actor_user_id,
    actorOrganisationId: r.actor_organisation_id,
    actorLabel: r.actor_label,
    action: r.action,
    recordType: r.record_type,
    recordId: r.record_id,
    beforeDigest: r.before_digest,
    afterDigest: r.after_digest,
    marking: markingOf({
      ownerOrganisationId: r.owner_organisation_id,
      createdBy: r.created_by,
      tlp: r.tlp,
      classification: r.classification,
      accessOrganisations: r.access_organisations,
      accessUsers: r.access_users,
      coordinators: r.coordinators,
    }),
    prevHash: r.prev_hash,
    hash: r.hash,
  }));
}

interface PageRow {
  seq: number | string;
  id: string;
  at: string;
  actor_user_id: string | null;
  actor_organisation_id: string | null;
  actor_label: string;
  action: string;
  record_type: string;
  record_id: string;
  before_digest: string | null;
  after_digest: string | null;
  owner_organisation_id: string;
  created_by: string | null;
  tlp: string;
  classification: number;
  access_organisations: string[];
  access_users: string[];
  coordinators: boolean;
  prev_hash: string;
  hash: string;
}

export async function chainHead(db: Executor): Promise<{ seq: number; hash: string } | null> {
  const [h] = await db.select().from(auditHead).where(eq(auditHead.id, 1));
  return h ? { seq: h.seq, hash: h.hash } : null;
}

/** Audit entries the viewer may see, newest first, optionally of one record. */
export async function listAudit(
  db: Executor,
  viewer: Viewer,
  filter: { recordType?: string | undefined; recordId?: string | undefined; limit: number; offset: number },
): Promise<{ items: AuditEntry[]; total: number }> {
  const where: SQL[] = [visibleTo(viewer, auditLog)];
  if (filter.recordType) where.push(eq(auditLog.recordType, filter.recordType));
  if (filter.recordId) where.push(eq(auditLog.recordId, filter.recordId));
  const cond = and(...where);
  const [rows, [total]] = await Promise.all([
    db.select().from(auditLog).where(cond).orderBy(desc(auditLog.seq)).limit(filter.limit).offset(filter.offset),
    db.select({ n: count() }).from(auditLog).where(cond),
  ]);
  return { items: rows.map(fromRow), total: Number(total?.n ?? 0) };
}
