import type { Executor } from '../database';
import type { blobs, findingAttachments } from '../schema/index';
import { insertAttachments, insertBlobs } from './attachments';
import { dedupHead, insertDedupKeys, type NewDedupKey } from './dedup';
import { insertFindings, type NewFinding } from './findings';
import { attachDuplicates, insertReports, type NewReport } from './reports';

/** Everything one intake chunk stores (built from its plan, domain/intake/chunk-plan.ts). */
export interface ChunkRows {
  readonly reports: NewReport[];
  readonly findings: NewFinding[];
  /** Findings that joined reports stored before: counts, exploitation and reporters to add. */
  readonly joins: { reportId: string; added: number; exploited: boolean; organisationId: string }[];
  readonly dedupKeys: NewDedupKey[];
  readonly blobs: (typeof blobs.$inferInsert)[];
  readonly attachments: (typeof findingAttachments.$inferInsert)[];
}

/**
 * Writes a chunk set-based, one statement (a COPY where it can, store/intake/batches.ts) per
 * table, inside the caller's transaction and under the intake lock; answers the dedup log's
 * new head, which the process's index has then seen (ADR 0012).
 */
export async function writeChunkRows(tx: Executor, rows: ChunkRows, now: Date): Promise<number> {
  // Reports before findings and attachments: the foreign keys point that way.
  await insertReports(tx, rows.reports);
  await insertFindings(tx, rows.findings);
  await attachDuplicates(tx, rows.joins, now);
  await insertDedupKeys(tx, rows.dedupKeys);
  await insertBlobs(tx, rows.blobs);
  await insertAttachments(tx, rows.attachments);
  return dedupHead(tx);
}
