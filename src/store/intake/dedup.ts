import { asc, gt, inArray, max } from 'drizzle-orm';
import type { Executor } from '../database';
import { findingDedupKeys } from '../schema/index';
import { insertMany } from '../insert-many';

export type DedupKeyRow = typeof findingDedupKeys.$inferSelect;
export type NewDedupKey = typeof findingDedupKeys.$inferInsert;

/** A fingerprint as the log stores it: `"<algorithm> <value>"` (the algorithm says which version made it). */
export const fingerprintEntry = (fp: { algorithm: string; value: string }): string => `${fp.algorithm} ${fp.value}`;
/** The value of a stored fingerprint entry: what the index looks up. */
export const fingerprintValue = (entry: string): string => entry.slice(entry.indexOf(' ') + 1);

/** Appends to the dedup log (set-based). */
export async function insertDedupKeys(db: Executor, rows: readonly NewDedupKey[]): Promise<void> {
  await insertMany(db, findingDedupKeys, rows);
}

/** Log rows written after `seq`, in order, a page at a time (index catch-up). */
export function dedupKeysAfter(db: Executor, seq: number, limit: number): Promise<DedupKeyRow[]> {
  return db.select().from(findingDedupKeys).where(gt(findingDedupKeys.seq, seq)).orderBy(asc(findingDedupKeys.seq)).limit(limit);
}

/** The newest sequence number (what the index has seen after writing under the intake lock). */
export async function dedupHead(db: Executor): Promise<number> {
  const [r] = await db.select({ n: max(findingDedupKeys.seq) }).from(findingDedupKeys);
  return Number(r?.n ?? 0);
}

/**
 * Re-points the dedup keys of findings to another report (merge, split). Rows are
 * deleted and written anew so that their new `seq` reaches every node's index.
 */
export async function repointDedupKeys(db: Executor, findingIds: readonly string[], reportId: string): Promise<void> {
  if (findingIds.length === 0) return;
  const rows = await db
    .delete(findingDedupKeys)
    .where(inArray(findingDedupKeys.findingId, [...findingIds]))
    .returning();
  await insertDedupKeys(
    db,
    rows.map(({ seq: _seq, ...r }) => ({ ...r, reportId })),
  );
}
