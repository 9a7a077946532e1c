import { insertRows } from './insert-many';
import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import { type AuditContent, type AuditEntry, GENESIS_HASH, chainEntry } from '../domain/audit/chain';
import { CLASSIFICATIONS, type Tlp } from '../domain/policy/marking';
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
 * The page comes back as one JSON text built by the database, each entry an array of its
 * columns (no key repeated per row) with its time already in the ISO form the hash covers:
 * decoding one value is several times faster than decoding thousands of rows field by field,
 * on both drivers, and each entry becomes one object (ADR 0055).
 */
export async function chainPage(db: Executor, afterSeq: number, limit: number): Promise<AuditEntry[]> {
  const result = await db.execute<{ page: string }>(sql`
    select coalesce(json_agg(json_build_array(
             seq, id, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), actor_user_id, actor_organisation_id, actor_label,
             action, record_type, record_id, before_digest, after_digest, owner_organisation_id, created_by, tlp, classification,
             access_organisations, access_users, coordinators, prev_hash, hash) order by seq), '[]')::text as page
    from (select * from audit_log where seq > ${afterSeq} order by seq limit ${limit}) p`);
  const rows = (Array.isArray(result) ? result : (result as { rows: { page: string }[] }).rows) as { page: string }[];
  const page = JSON.parse(rows[0]!.page) as PageRow[];
  const out = new Array<AuditEntry>(page.length);
  for (let i = 0; i < page.length; i++) {
    const r = page[i]!;
    out[i] = {
      seq: Number(r[0]),
      id: r[1],
      at: r[2],
      actorUserId: r[3],
      actorOrganisationId: r[4],
      actorLabel: r[5],
      action: r[6],
      recordType: r[7],
      recordId: r[8],
      beforeDigest: r[9],
      afterDigest: r[10],
      marking: {
        ownerOrganisationId: r[11],
        createdBy: r[12],
        tlp: r[13] as Tlp,
        classification: CLASSIFICATIONS[r[14]] ?? 'TOP_SECRET',
        accessOrganisations: r[15],
        accessUsers: r[16],
        coordinators: r[17],
      },
      prevHash: r[18],
      hash: r[19],
    };
  }
  return out;
}

/** An audit_log row as chainPage reads it: its columns in the order of the query. */
type PageRow = [
  seq: number | string,
  id: string,
  at: string,
  actorUserId: string | null,
  actorOrganisationId: string | null,
  actorLabel: string,
  action: string,
  recordType: string,
  recordId: string,
  beforeDigest: string | null,
  afterDigest: string | null,
  ownerOrganisationId: string,
  createdBy: string | null,
  tlp: string,
  classification: number,
  accessOrganisations: string[],
  accessUsers: string[],
  coordinators: boolean,
  prevHash: string,
  hash: string,
];

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
