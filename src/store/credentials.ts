import { and, desc, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Executor } from './database';
import { apiTokens, organisations, sessions, setupTokens, users } from './schema/index';

export type SessionRow = typeof sessions.$inferSelect;
export type ApiTokenRow = typeof apiTokens.$inferSelect;

export async function insertSession(db: Executor, row: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(row);
}

/** A live session with its user and organisation, or null. */
export async function findLiveSession(db: Executor, tokenHash: string, now: Date) {
  const [r] = await db
    .select({ session: sessions, user: users, organisation: organisations })
    .from(sessions)
    .innerJoin(users, eq(sessions.userId, users.id))
    .innerJoin(organisations, eq(users.organisationId, organisations.id))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)));
  return r ?? null;
}

export async function deleteSession(db: Executor, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSessionsOf(db: Executor, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function deleteExpiredSessions(db: Executor, now: Date): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}

export async function insertApiToken(db: Executor, row: typeof apiTokens.$inferInsert): Promise<ApiTokenRow> {
  const [r] = await db.insert(apiTokens).values(row).returning();
  return r!;
}

/** A usable token (not revoked, not expired) with its user and organisation, or null. */
export async function findLiveToken(db: Executor, tokenHash: string, now: Date) {
  const [r] = await db
    .select({ token: apiTokens, user: users, organisation: organisations })
    .from(apiTokens)
    .innerJoin(users, eq(apiTokens.userId, users.id))
    .innerJoin(organisations, eq(users.organisationId, organisations.id))
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt), or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now))));
  return r ?? null;
}

/** Records use; throttled to one write a minute per token so reads stay reads. */
export async function touchToken(db: Executor, id: string, now: Date): Promise<void> {
  await db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(and(eq(apiTokens.id, id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, new Date(now.getTime() - 60_000)))));
}

export async function listTokensOf(db: Executor, userId: string): Promise<ApiTokenRow[]> {
  return db.select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(desc(apiTokens.createdAt));
}

export async function findTokenOf(db: Executor, userId: string, id: string): Promise<ApiTokenRow | null> {
  const [r] = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId)));
  return r ?? null;
}

export async function revokeToken(db: Executor, id: string, at: Date): Promise<ApiTokenRow> {
  const [r] = await db.update(apiTokens).set({ revokedAt: at }).where(eq(apiTokens.id, id)).returning();
  return r!;
}

export async function replaceSetupToken(db: Executor, tokenHash: string, at: Date): Promise<void> {
  await db.delete(setupTokens);
  await db.insert(setupTokens).values({ tokenHash, createdAt: at });
}

/** Consumes the setup token if it matches; true when it did. */
export async function consumeSetupToken(db: Executor, tokenHash: string): Promise<boolean> {
  const r = await db.delete(setupTokens).where(eq(setupTokens.tokenHash, tokenHash)).returning();
  return r.length === 1;
}

export async function clearSetupTokens(db: Executor): Promise<void> {
  await db.delete(setupTokens).where(sql`true`);
}
