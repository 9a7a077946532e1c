import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { Viewer } from '../domain/policy/viewer';
import type { Executor } from './database';
import { invitations, organisations, users } from './schema/index';
import { usersVisibleTo } from './visibility';

export type UserRow = typeof users.$inferSelect;
export type InvitationRow = typeof invitations.$inferSelect;

export async function findUser(db: Executor, id: string): Promise<UserRow | null> {
  const [r] = await db.select().from(users).where(eq(users.id, id));
  return r ?? null;
}

export async function findUserByEmail(db: Executor, email: string): Promise<UserRow | null> {
  const [r] = await db.select().from(users).where(sql`lower(${users.email}) = lower(${email})`);
  return r ?? null;
}

/**
 * The names of those of `ids` the viewer may see (policy/users.ts, evaluated now), by id; the
 * others are absent, so a caller shows an id or nothing, never a name the rule withholds.
 */
export async function visibleUserNames(db: Executor, viewer: Viewer, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(inArray(users.id, [...new Set(ids)]), usersVisibleTo(viewer, users.organisationId)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function countUsers(db: Executor): Promise<number> {
  const [r] = await db.select({ n: count() }).from(users);
  return Number(r?.n ?? 0);
}

/** The users `viewer` may see (policy/users.ts), optionally of one organisation only. */
export async function listUsers(
  db: Executor,
  viewer: Viewer,
  f: { organisationId?: string | undefined; limit: number; offset: number },
): Promise<{ items: UserRow[]; total: number }> {
  const where = and(usersVisibleTo(viewer, users.organisationId), f.organisationId ? eq(users.organisationId, f.organisationId) : undefined);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(users)
      .where(where)
      .orderBy(asc(sql`lower(${users.email})`))
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: count() }).from(users).where(where),
  ]);
  return { items, total: Number(total?.n ?? 0) };
}

export async function insertUser(db: Executor, row: typeof users.$inferInsert): Promise<UserRow> {
  const [r] = await db.insert(users).values(row).returning();
  return r!;
}

export async function updateUser(db: Executor, id: string, set: Partial<typeof users.$inferInsert>): Promise<UserRow> {
  const [r] = await db.update(users).set(set).where(eq(users.id, id)).returning();
  return r!;
}

export async function insertInvitation(db: Executor, row: typeof invitations.$inferInsert): Promise<void> {
  await db.insert(invitations).values(row);
}

/** The unused invitation with this secret hash, locked for the accepting transaction. */
export async function lockInvitation(db: Executor, tokenHash: string): Promise<InvitationRow | null> {
  const [r] = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.tokenHash, tokenHash), sql`${invitations.usedAt} is null`))
    .for('update');
  return r ?? null;
}

export async function markInvitationUsed(db: Executor, id: string, at: Date): Promise<void> {
  await db.update(invitations).set({ usedAt: at }).where(eq(invitations.id, id));
}

/** A user with the facts the policy needs about their organisation. */
export async function findUserWithOrganisation(db: Executor, userId: string) {
  const [r] = await db
    .select({ user: users, organisation: organisations })
    .from(users)
    .innerJoin(organisations, eq(users.organisationId, organisations.id))
    .where(eq(users.id, userId));
  return r ?? null;
}

/** The ids of the active users of these organisations (named recipients for TLP:RED sharing). */
export async function activeUserIdsOf(db: Executor, organisationIds: readonly string[]): Promise<string[]> {
  if (organisationIds.length === 0) return [];
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.organisationId, [...organisationIds]), eq(users.status, 'active')));
  return rows.map((r) => r.id);
}
