import { and, asc, eq } from 'drizzle-orm';
import type { EmbargoPolicy } from '../../domain/cases/embargo-policy';
import type { Viewer } from '../../domain/policy/viewer';
import type { Executor } from '../database';
import { caseSettings, embargoProposals } from '../schema/index';
import { visibleTo } from '../visibility';

export type ProposalRow = typeof embargoProposals.$inferSelect;

export async function insertProposal(db: Executor, row: typeof embargoProposals.$inferInsert): Promise<ProposalRow> {
  const [r] = await db.insert(embargoProposals).values(row).returning();
  return r!;
}

export async function lockVisibleProposal(db: Executor, viewer: Viewer, caseId: string, id: string): Promise<ProposalRow | null> {
  const [r] = await db
    .select()
    .from(embargoProposals)
    .where(and(eq(embargoProposals.id, id), eq(embargoProposals.caseId, caseId), visibleTo(viewer, embargoProposals)))
    .for('update');
  return r ?? null;
}

export async function listVisibleProposals(db: Executor, viewer: Viewer, caseId: string): Promise<ProposalRow[]> {
  return db
    .select()
    .from(embargoProposals)
    .where(and(eq(embargoProposals.caseId, caseId), visibleTo(viewer, embargoProposals)))
    .orderBy(asc(embargoProposals.createdAt), asc(embargoProposals.id));
}

/** Closes every open proposal of a case but `keep` (the coordinator decided). */
export async function settleProposals(db: Executor, caseId: string, keep: string | null, now: Date): Promise<void> {
  const open = await db
    .select()
    .from(embargoProposals)
    .where(and(eq(embargoProposals.caseId, caseId), eq(embargoProposals.status, 'open')));
  for (const p of open) {
    await db
      .update(embargoProposals)
      .set({ status: p.id === keep ? 'adopted' : 'declined', decidedAt: now })
      .where(eq(embargoProposals.id, p.id));
  }
}

export async function findCaseSettings(db: Executor) {
  const [r] = await db.select().from(caseSettings).where(eq(caseSettings.id, 1));
  return r ?? null;
}

export async function upsertCaseSettings(db: Executor, policy: EmbargoPolicy, now: Date, by: string): Promise<void> {
  await db
    .insert(caseSettings)
    .values({ id: 1, policy, updatedAt: now, updatedBy: by })
    .onConflictDoUpdate({ target: caseSettings.id, set: { policy, updatedAt: now, updatedBy: by } });
}
