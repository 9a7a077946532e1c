import { AppError } from '../domain/errors';
import type { Principal } from '../domain/identity/principal';
import { userMarking } from '../domain/identity/directory-marking';
import { deleteSession, findLiveSession, findLiveToken, insertSession, touchToken } from '../store/credentials';
import type { Tx } from '../store/database';
import { findUserByEmail, findUserWithOrganisation, updateUser, type UserRow } from '../store/users';
import type { ServiceContext } from './context';
import { newSecret, secretHash } from './ids';
import { verifyPassword } from './passwords';
import { principalOf } from './principal';
import { write } from './unit-of-work';
import { organisationView, userView } from './views';

/** What the web client learns about its session. */
export interface SessionInfo {
  readonly principal: Principal;
  readonly csrfToken: string;
  readonly user: ReturnType<typeof userView> & { organisation: ReturnType<typeof organisationView> };
}

/** A new session: the cookie secret (shown to the browser only) and what the client sees. */
export interface NewSession extends SessionInfo {
  readonly cookieSecret: string;
  readonly expiresAt: Date;
}

/** Opens a session for a user inside a transaction (login, setup, invitation). */
export async function openSession(ctx: ServiceContext, tx: Tx, userId: string): Promise<NewSession> {
  const cookieSecret = newSecret('aisc_s_');
  const csrfToken = newSecret('', 24);
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + ctx.config.sessionHours * 3_600_000);
  await insertSession(tx, { id: ctx.newId(), userId, tokenHash: secretHash(cookieSecret), csrfToken, createdAt: now, expiresAt });
  const r = await findUserWithOrganisation(tx, userId);
  if (!r) throw new AppError('INTERNAL', 'user vanished while opening a session');
  return {
    cookieSecret,
    expiresAt,
    csrfToken,
    principal: principalOf(r.user, r.organisation, null, null),
    user: { ...userView(r.user), organisation: organisationView(r.organisation) },
  };
}

const BAD_LOGIN = () => new AppError('UNAUTHENTICATED', 'The email or password is wrong');

/** Password login. Disabled and invited users cannot log in; the answer never says which part was wrong. */
export async function login(ctx: ServiceContext, email: string, password: string): Promise<NewSession> {
  const user = await findUserByEmail(ctx.db, email);
  const ok = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !ok || user.status !== 'active') throw BAD_LOGIN();
  return recordLogin(ctx, user);
}

/** Marks the login on the user (audited) and opens the session, in one transaction. */
export async function recordLogin(ctx: ServiceContext, user: UserRow): Promise<NewSession> {
  const actor = { userId: user.id, organisationId: user.organisationId, label: user.email };
  return write(ctx, actor, async (tx, record) => {
    const after = await updateUser(tx, user.id, { lastLoginAt: ctx.now() });
    record({
      action: 'user.logged_in',
      recordType: 'user',
      recordId: user.id,
      before: userView(user),
      after: userView(after),
      marking: userMarking(user.organisationId),
    });
    return openSession(ctx, tx, user.id);
  });
}

export async function logout(ctx: ServiceContext, cookieSecret: string): Promise<void> {
  const key = secretHash(cookieSecret);
  await deleteSession(ctx.db, key);
  ctx.credentials.sessions.delete(key);
}

/** The session behind a cookie, or null when it is unknown, expired, or its user is disabled. */
export async function resolveSession(ctx: ServiceContext, cookieSecret: string): Promise<SessionInfo | null> {
  const key = secretHash(cookieSecret);
  const now = ctx.now();
  const cached = ctx.credentials.sessions.get(key, now.getTime());
  if (cached) return cached;
  const r = await findLiveSession(ctx.db, key, now);
  if (r?.user.status !== 'active') return null;
  const info: SessionInfo = {
    principal: principalOf(r.user, r.organisation, null, null),
    csrfToken: r.session.csrfToken,
    user: { ...userView(r.user), organisation: organisationView(r.organisation) },
  };
  ctx.credentials.sessions.set(key, info, now.getTime(), r.session.expiresAt.getTime());
  return info;
}

/** The principal behind an API token, or null when it is unknown, revoked, expired or its user disabled. */
export async function resolveToken(ctx: ServiceContext, secret: string): Promise<Principal | null> {
  if (!secret.startsWith('aisc_pat_')) return null;
  const key = secretHash(secret);
  const now = ctx.now();
  const cached = ctx.credentials.tokens.get(key, now.getTime());
  if (cached) return cached;
  const r = await findLiveToken(ctx.db, key, now);
  if (r?.user.status !== 'active') return null;
  // Last-used is kept to the minute: a read stays a read most of the time.
  if (!r.token.lastUsedAt || now.getTime() - r.token.lastUsedAt.getTime() > 60_000) await touchToken(ctx.db, r.token.id, now);
  const principal = principalOf(r.user, r.organisation, r.token.scopes, r.token.id);
  ctx.credentials.tokens.set(key, principal, now.getTime(), r.token.expiresAt?.getTime() ?? null);
  return principal;
}
