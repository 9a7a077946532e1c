import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../database';
import { intakeBuckets, intakeQuotas, intakeSettings } from '../schema/index';

export type IntakeSettingsRow = typeof intakeSettings.$inferSelect;
export type IntakeQuotaRow = typeof intakeQuotas.$inferSelect;
export type BucketRow = typeof intakeBuckets.$inferSelect;

export async function findIntakeSettings(db: Executor): Promise<IntakeSettingsRow | null> {
  const [r] = await db.select().from(intakeSettings).where(eq(intakeSettings.id, 1));
  return r ?? null;
}

export async function upsertIntakeSettings(db: Executor, row: Omit<typeof intakeSettings.$inferInsert, 'id'>): Promise<IntakeSettingsRow> {
  const [r] = await db
    .insert(intakeSettings)
    .values({ ...row, id: 1 })
    .onConflictDoUpdate({ target: intakeSettings.id, set: row })
    .returning();
  return r!;
}

export async function findIntakeQuota(db: Executor, organisationId: string): Promise<IntakeQuotaRow | null> {
  const [r] = await db.select().from(intakeQuotas).where(eq(intakeQuotas.organisationId, organisationId));
  return r ?? null;
}

export function listIntakeQuotas(db: Executor): Promise<IntakeQuotaRow[]> {
  return db.select().from(intakeQuotas).orderBy(intakeQuotas.organisationId);
}

export async function upsertIntakeQuota(db: Executor, row: typeof intakeQuotas.$inferInsert): Promise<IntakeQuotaRow> {
  const { organisationId: _id, ...set } = row;
  const [r] = await db.insert(intakeQuotas).values(row).onConflictDoUpdate({ target: intakeQuotas.organisationId, set }).returning();
  return r!;
}

export async function deleteIntakeQuota(db: Executor, organisationId: string): Promise<boolean> {
  const r = await db.delete(intakeQuotas).where(eq(intakeQuotas.organisationId, organisationId)).returning();
  return r.length > 0;
}

/** An organisation's buckets, locked for the caller's transaction when `lock`. */
export async function bucketsOf(db: Executor, organisationId: string, lock: boolean): Promise<BucketRow[]> {
  const q = db.select().from(intakeBuckets).where(eq(intakeBuckets.organisationId, organisationId));
  return lock ? q.for('update') : q;
}

export async function saveBucket(db: Executor, row: BucketRow): Promise<void> {
  const { organisationId: _o, lane: _l, ...set } = row;
  await db
    .insert(intakeBuckets)
    .values(row)
    .onConflictDoUpdate({ target: [intakeBuckets.organisationId, intakeBuckets.lane], set });
}

/** Serialises intake writes across every node (ADR 0010): one advisory lock per transaction. */
export async function lockIntake(db: Executor): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(7366001)`);
}
