import { and, asc, count, eq, ilike, sql } from 'drizzle-orm';
import type { Executor } from './database';
import type { OrganisationKind } from '../domain/identity/organisation';
import { organisations } from './schema/index';
import { containsPattern } from './like';

export type OrganisationRow = typeof organisations.$inferSelect;

export async function findOrganisation(db: Executor, id: string): Promise<OrganisationRow | null> {
  const [r] = await db.select().from(organisations).where(eq(organisations.id, id));
  return r ?? null;
}

export async function findOrganisationByName(db: Executor, name: string): Promise<OrganisationRow | null> {
  const [r] = await db.select().from(organisations).where(sql`lower(${organisations.name}) = lower(${name})`);
  return r ?? null;
}

/** The organisation directory: every signed-in user sees it (organisations are TLP:GREEN). */
export async function listOrganisations(
  db: Executor,
  f: { q?: string | undefined; kind?: OrganisationKind | undefined; limit: number; offset: number },
): Promise<{ items: OrganisationRow[]; total: number }> {
  const where = and(f.q ? ilike(organisations.name, containsPattern(f.q)) : undefined, f.kind ? eq(organisations.kind, f.kind) : undefined);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(organisations)
      .where(where)
      .orderBy(asc(sql`lower(${organisations.name})`))
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: count() }).from(organisations).where(where),
  ]);
  return { items, total: Number(total?.n ?? 0) };
}

export async function coordinatorOrganisationIds(db: Executor): Promise<string[]> {
  const rows = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.coordinator, true));
  return rows.map((r) => r.id);
}

export async function insertOrganisation(db: Executor, row: typeof organisations.$inferInsert): Promise<OrganisationRow> {
  const [r] = await db.insert(organisations).values(row).returning();
  return r!;
}

export async function updateOrganisation(db: Executor, id: string, set: Partial<typeof organisations.$inferInsert>): Promise<OrganisationRow> {
  const [r] = await db.update(organisations).set(set).where(eq(organisations.id, id)).returning();
  return r!;
}
