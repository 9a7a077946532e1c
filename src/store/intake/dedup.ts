import { asc, gt, inArray, max } from 'drizzle-orm';
import type { Executor } from '../database';
import { findingFingerprints, findingSignatures } from '../schema/index';
import { insertMany } from './batches';

export type FingerprintRow = typeof findingFingerprints.$inferSelect;
export type SignatureRow = typeof findingSignatures.$inferSelect;

/** Inserts fingerprints (set-based). */
export async function insertFingerprints(db: Executor, rows: readonly (typeof findingFingerprints.$inferInsert)[]): Promise<void> {
  await insertMany(db, findingFingerprints, rows);
}

export async function insertSignatures(db: Executor, rows: readonly (typeof findingSignatures.$inferInsert)[]): Promise<void> {
  await insertMany(db, findingSignatures, rows);
}

/** Fingerprints written after `seq`, in order, a page at a time (index catch-up). */
export function fingerprintsAfter(db: Executor, seq: number, limit: number): Promise<FingerprintRow[]> {
  return db.select().from(findingFingerprints).where(gt(findingFingerprints.seq, seq)).orderBy(asc(findingFingerprints.seq)).limit(limit);
}

export function signaturesAfter(db: Executor, seq: number, limit: number): Promise<SignatureRow[]> {
  return db.select().from(findingSignatures).where(gt(findingSignatures.seq, seq)).orderBy(asc(findingSignatures.seq)).limit(limit);
}

/** The newest sequence numbers (what the index has seen after writing under the intake lock). */
export async function dedupHeads(db: Executor): Promise<{ fingerprints: number; signatures: number }> {
  const [[f], [s]] = await Promise.all([
    db.select({ n: max(findingFingerprints.seq) }).from(findingFingerprints),
    db.select({ n: max(findingSignatures.seq) }).from(findingSignatures),
  ]);
  return { fingerprints: Number(f?.n ?? 0), signatures: Number(s?.n ?? 0) };
}

/**
 * Re-points the dedup keys of findings to another report (merge, split). Rows are
 * deleted and written anew so that their new `seq` reaches every node's index.
 */
export async function repointDedupKeys(db: Executor, findingIds: readonly string[], reportId: string): Promise<void> {
  if (findingIds.length === 0) return;
  const ids = [...findingIds];
  const fps = await db.delete(findingFingerprints).where(inArray(findingFingerprints.findingId, ids)).returning();
  const sigs = await db.delete(findingSignatures).where(inArray(findingSignatures.findingId, ids)).returning();
  await insertFingerprints(db, fps.map(({ seq: _seq, ...r }) => ({ ...r, reportId })));
  await insertSignatures(db, sigs.map(({ seq: _seq, ...r }) => ({ ...r, reportId })));
}
