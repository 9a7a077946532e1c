import { AppError, notFound } from '../domain/errors';
import { userMarking } from '../domain/identity/directory-marking';
import { type Principal, viewerOf } from '../domain/identity/principal';
import type { Role } from '../domain/identity/roles';
import { can } from '../domain/policy/actions';
import type { Clearance } from '../domain/policy/marking';
import { canSeeUser } from '../domain/policy/users';
import { deleteSessionsOf } from '../store/credentials';
import { findOrganisation } from '../store/organisations';
import { findUser, findUserWithOrganisation, insertInvitation, insertUser, listUsers, lockInvitation, markInvitationUsed, updateUser } from '../store/users';
import { type Actor, actorOf } from './actor';
import type { ServiceContext } from './context';
import { newSecret, secretHash } from './ids';
import { checkPassword, hashPassword } from './passwords';
import { type NewSession, openSession } from './sessions';
import { write } from './unit-of-work';
import { type UserView, userView } from './views';

export interface UserInput {
  readonly email: string;
  readonly name: string;
  readonly organisationId: string;
  readonly role: Role;
  readonly clearance?: Clearance | undefined;
  /** Only from the local CLI: an active user with this password instead of an invitation. */
  readonly password?: string | undefined;
}

export interface Invitation {
  readonly url: string;
  /** The one-time secret in the URL; shown once. */
  readonly token: string;
  readonly expiresAt: string;
}

const noAccess = () => new AppError('FORBIDDEN', 'You may not manage users of this organisation');

/** Creates a user and an invitation link (or, from the local CLI, an active user with a password). */
export async function createUser(ctx: ServiceContext, who: Principal | Actor, input: UserInput): Promise<{ user: UserView; invitation: Invitation | null }> {
  const clearance = input.clearance ?? 'NONE';
  if ('role' in who) {
    if (input.password !== undefined)
      throw new AppError('VALIDATION', 'Passwords are set by the invited user', [{ path: '/password', message: 'not allowed' }]);
    if (!can(who, 'users.manage', { organisationId: input.organisationId })) throw noAccess();
    if (!can(who, 'users.set-clearance', { from: null, to: clearance })) throw new AppError('FORBIDDEN', 'Only platform administrators grant clearances');
  }
  if (input.password !== undefined) checkPassword(input.password);
  const passwordHash = input.password !== undefined ? await hashPassword(input.password) : null;
  const actor = 'role' in who ? actorOf(who) : who;
  return write(ctx, actor, async (tx, record) => {
    if (!(await findOrganisation(tx, input.organisationId))) {
      throw new AppError('VALIDATION', 'Unknown organisation', [{ path: '/organisationId', message: 'no such organisation' }]);
    }
    const now = ctx.now();
    const user = await insertUser(tx, {
      id: ctx.newId(),
      organisationId: input.organisationId,
      email: input.email,
      name: input.name,
      role: input.role,
      clearance,
      passwordHash,
      status: passwordHash ? 'active' : 'invited',
      createdAt: now,
      updatedAt: now,
    });
    let invitation: Invitation | null = null;
    if (!passwordHash) {
      const token = newSecret('aisc_inv_', 24);
      const expiresAt = new Date(now.getTime() + ctx.config.invitationHours * 3_600_000);
      await insertInvitation(tx, { id: ctx.newId(), userId: user.id, tokenHash: secretHash(token), createdAt: now, expiresAt });
      invitation = { url: `${ctx.config.publicUrl}/invite#token=${token}`, token, expiresAt: expiresAt.toISOString() };
    }
    const view = userView(user);
    record({ action: 'user.created', recordType: 'user', recordId: user.id, before: null, after: view, marking: userMarking(user.organisationId) });
    return { user: view, invitation };
  });
}

export interface UserPatch {
  readonly role?: Role | undefined;
  readonly clearance?: Clearance | undefined;
  readonly disabled?: boolean | undefined;
  readonly name?: string | undefined;
}

/** Changes a user's role, clearance or status; disabling ends their sessions at once. */
export async function updateUserStanding(ctx: ServiceContext, who: Principal | Actor, id: string, patch: UserPatch): Promise<UserView> {
  const actor = 'role' in who ? actorOf(who) : who;
  return write(ctx, actor, async (tx, record) => {
    const before = await findUser(tx, id);
    // Users outside one's reach do not exist for that caller (need-to-know: 404, not 403).
    if (!before || ('role' in who && !canSeeUser(viewerOf(who), before.organisationId))) throw notFound('User');
    if ('role' in who) {
      if (!can(who, 'users.manage', { organisationId: before.organisationId })) throw noAccess();
      if (patch.clearance && !can(who, 'users.set-clearance', { from: before.clearance as Clearance, to: patch.clearance })) {
        throw new AppError('FORBIDDEN', 'Only platform administrators grant clearances');
      }
      if (id === who.userId && (patch.disabled || (patch.role && patch.role !== 'admin'))) {
        throw new AppError('CONFLICT', 'You cannot disable or demote yourself', [
          { path: patch.disabled ? '/disabled' : '/role', message: 'ask another administrator' },
        ]);
      }
    }
    const status = patch.disabled === undefined ? before.status : patch.disabled ? 'disabled' : before.passwordHash ? 'active' : 'invited';
    const after = await updateUser(tx, id, {
      role: patch.role ?? before.role,
      clearance: patch.clearance ?? before.clearance,
      name: patch.name ?? before.name,
      status,
      updatedAt: ctx.now(),
    });
    if (status === 'disabled') await deleteSessionsOf(tx, id);
    const view = userView(after);
    record({ action: 'user.updated', recordType: 'user', recordId: id, before: userView(before), after: view, marking: userMarking(after.organisationId) });
    return view;
  });
}

export async function getUser(ctx: ServiceContext, p: Principal, id: string): Promise<UserView> {
  const u = await findUser(ctx.db, id);
  if (!u || !canSeeUser(viewerOf(p), u.organisationId)) throw notFound('User');
  return userView(u);
}

export async function searchUsers(
  ctx: ServiceContext,
  p: Principal,
  f: { organisationId?: string | undefined; limit: number; offset: number },
): Promise<{ items: UserView[]; total: number }> {
  // The users the caller can see (policy/users.ts), narrowed to one organisation when asked.
  const r = await listUsers(ctx.db, viewerOf(p), f);
  return { items: r.items.map(userView), total: r.total };
}

/** Accepts an invitation: sets the password, activates the user, logs them in; the link works once. */
export async function acceptInvitation(ctx: ServiceContext, input: { token: string; name?: string | undefined; password: string }): Promise<NewSession> {
  checkPassword(input.password);
  const passwordHash = await hashPassword(input.password);
  const invalid = () => new AppError('NOT_FOUND', 'This invitation is not valid (used, expired or unknown)');
  const inv = await lockInvitation(ctx.db, secretHash(input.token));
  if (!inv) throw invalid();
  const found = await findUserWithOrganisation(ctx.db, inv.userId);
  if (!found) throw invalid();
  const actor = { userId: found.user.id, organisationId: found.user.organisationId, label: found.user.email };
  return write(ctx, actor, async (tx, record) => {
    const locked = await lockInvitation(tx, secretHash(input.token));
    const now = ctx.now();
    if (!locked || locked.expiresAt <= now) throw invalid();
    const before = await findUser(tx, locked.userId);
    if (before?.status !== 'invited') throw invalid();
    await markInvitationUsed(tx, locked.id, now);
    const after = await updateUser(tx, before.id, { passwordHash, status: 'active', name: input.name ?? before.name, updatedAt: now, lastLoginAt: now });
    record({
      action: 'user.activated',
      recordType: 'user',
      recordId: before.id,
      before: userView(before),
      after: userView(after),
      marking: userMarking(after.organisationId),
    });
    return openSession(ctx, tx, before.id);
  });
}
