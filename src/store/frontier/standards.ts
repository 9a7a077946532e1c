import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Viewer } from '../../domain/policy/viewer';
import type { Executor } from '../database';
import { frontierAccessGrants, frontierAttestations, frontierPracticeCatalogues, frontierStandardsSettings } from '../schema/index';
import { visibleTo } from '../visibility';

export type CatalogueRow = typeof frontierPracticeCatalogues.$inferSelect;
export type AttestationRow = typeof frontierAttestations.$inferSelect;

/** Inserts the catalogue versions not stored yet; answers the ones it inserted. */
export async function insertCataloguesIfAbsent(db: Executor, rows: (typeof frontierPracticeCatalogues.$inferInsert)[]): Promise<CatalogueRow[]> {
  if (rows.length === 0) return [];
  return db.insert(frontierPracticeCatalogues).values(rows).onConflictDoNothing().returning();
}

export async function insertCatalogue(db: Executor, row: typeof frontierPracticeCatalogues.$inferInsert): Promise<CatalogueRow> {
  const [r] = await db.insert(frontierPracticeCatalogues).values(row).returning();
  return r!;
}

/** Every catalogue version, newest (added last) first. */
export async function listCatalogues(db: Executor): Promise<CatalogueRow[]> {
  return db.select().from(frontierPracticeCatalogues).orderBy(desc(frontierPracticeCatalogues.addedAt), desc(frontierPracticeCatalogues.version));
}

export async function findCatalogue(db: Executor, version: string): Promise<CatalogueRow | null> {
  const [r] = await db.select().from(frontierPracticeCatalogues).where(eq(frontierPracticeCatalogues.version, version));
  return r ?? null;
}

/** The current catalogue: the version added last. */
export async function currentCatalogue(db: Executor): Promise<CatalogueRow | null> {
  const [r] = await db
    .select()
    .from(frontierPracticeCatalogues)
    .orderBy(desc(frontierPracticeCatalogues.addedAt), desc(frontierPracticeCatalogues.version))
    .limit(1);
  return r ?? null;
}

export async function insertAttestation(db: Executor, row: typeof frontierAttestations.$inferInsert): Promise<AttestationRow> {
  const [r] = await db.insert(frontierAttestations).values(row).returning();
  return r!;
}

export async function updateAttestation(db: Executor, id: string, set: Partial<typeof frontierAttestations.$inferInsert>): Promise<AttestationRow> {
  const [r] = await db.update(frontierAttestations).set(set).where(eq(frontierAttestations.id, id)).returning();
  return r!;
}

/** The organisation's attestation of a practice (whoever asks: for the uniqueness check inside a write). */
export async function findAttestationOf(db: Executor, organisationId: string, practiceId: string, lock = false): Promise<AttestationRow | null> {
  const q = db
    .select()
    .from(frontierAttestations)
    .where(and(eq(frontierAttestations.ownerOrganisationId, organisationId), eq(frontierAttestations.practiceId, practiceId)));
  const [r] = lock ? await q.for('update') : await q;
  return r ?? null;
}

export async function findVisibleAttestation(db: Executor, viewer: Viewer, id: string, lock = false): Promise<AttestationRow | null> {
  const q = db
    .select()
    .from(frontierAttestations)
    .where(and(eq(frontierAttestations.id, id), visibleTo(viewer, frontierAttestations)));
  const [r] = lock ? await q.for('update') : await q;
  return r ?? null;
}

/** Attestations the viewer may see, by organisation and practice; optionally of one organisation. */
export async function listVisibleAttestations(
  db: Executor,
  viewer: Viewer,
  q: { organisationId?: string | undefined; limit: number; offset: number },
): Promise<{ items: AttestationRow[]; total: number }> {
  const where = and(visibleTo(viewer, frontierAttestations), q.organisationId ? eq(frontierAttestations.ownerOrganisationId, q.organisationId) : undefined);
  const items = await db
    .select()
    .from(frontierAttestations)
    .where(where)
    .orderBy(asc(frontierAttestations.ownerOrganisationId), asc(frontierAttestations.practiceId))
    .limit(q.limit)
    .offset(q.offset);
  const [c] = await db.select({ n: sql<number>`count(*)::int` }).from(frontierAttestations).where(where);
  return { items, total: Number(c?.n ?? 0) };
}

/** Every attestation of these organisations (as the system: scorecards are computed over them, then controlled). */
export async function attestationsOfOrganisations(db: Executor, organisationIds: readonly string[]): Promise<AttestationRow[]> {
  if (organisationIds.length === 0) return [];
  return db
    .select()
    .from(frontierAttestations)
    .where(inArray(frontierAttestations.ownerOrganisationId, [...organisationIds]));
}

/** The organisations that have attested anything (as the system: the scorecards' population with the developers of designated versions). */
export async function attestingOrganisations(db: Executor): Promise<string[]> {
  const rows = await db.selectDistinct({ id: frontierAttestations.ownerOrganisationId }).from(frontierAttestations);
  return rows.map((r) => r.id);
}

/** The distinct access kinds of each plan's grants (as the system: a scorecard counts kinds, never who received them). */
export async function accessKindsOfPlans(db: Executor, planIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (planIds.length === 0) return out;
  const g = frontierAccessGrants;
  const rows = await db
    .selectDistinct({ planId: g.planId, kind: g.accessKind })
    .from(g)
    .where(inArray(g.planId, [...planIds]));
  for (const r of rows) out.set(r.planId, [...(out.get(r.planId) ?? []), r.kind]);
  return out;
}

export async function findStandardsSettings(db: Executor) {
  const [r] = await db.select().from(frontierStandardsSettings).where(eq(frontierStandardsSettings.id, 1));
  return r ?? null;
}

export async function upsertStandardsSettings(db: Executor, minGroupSize: number, now: Date, by: string | null) {
  const [r] = await db
    .insert(frontierStandardsSettings)
    .values({ id: 1, minGroupSize, updatedAt: now, updatedBy: by })
    .onConflictDoUpdate({ target: frontierStandardsSettings.id, set: { minGroupSize, updatedAt: now, updatedBy: by } })
    .returning();
  return r!;
}
