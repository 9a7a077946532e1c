import { AppError, notFound } from '../domain/errors';
import { tokenMarking } from '../domain/identity/directory-marking';
import type { Principal } from '../domain/identity/principal';
import { type Scope, scopesAllowed } from '../domain/identity/roles';
import { findTokenOf, insertApiToken, listTokensOf, revokeToken } from '../store/credentials';
import { findUserWithOrganisation } from '../store/users';
import { type Actor, actorOf } from './actor';
import type { ServiceContext } from './context';
import { newSecret, secretHash } from './ids';
import { write } from './unit-of-work';
import { type TokenView, tokenView } from './views';

export interface TokenInput {
  readonly name: string;
  readonly scopes: readonly Scope[];
  readonly expiresInDays?: number | undefined;
}

/**
 * Creates an API token for `userId`. The secret is returned once and stored only as a
 * hash; scopes beyond the user's role are refused.
 */
export async function createToken(
  ctx: ServiceContext,
  who: Principal | Actor,
  userId: string,
  input: TokenInput,
): Promise<{ token: TokenView; secret: string }> {
  const actor = 'role' in who ? actorOf(who) : who;
  if ('role' in who && who.userId !== userId) throw new AppError('FORBIDDEN', 'Tokens are created by their holder');
  return write(ctx, actor, async (tx, record) => {
    const found = await findUserWithOrganisation(tx, userId);
    if (found?.user.status !== 'active') throw notFound('User');
    const allowed = scopesAllowed(found.user.role);
    // A token made with a token cannot exceed the scopes of the token that made it.
    const held = 'role' in who ? who.scopes : allowed;
    const bad = input.scopes.map((s, i) => ({ s, i })).filter(({ s }) => !allowed.includes(s) || !held.includes(s));
    if (bad.length) {
      throw new AppError(
        'VALIDATION',
        'Scopes beyond your role',
        bad.map(({ s, i }) => ({ path: `/scopes/${i}`, message: `your role cannot hold '${s}'` })),
      );
    }
    const secret = newSecret('aisc_pat_');
    const now = ctx.now();
    const row = await insertApiToken(tx, {
      id: ctx.newId(),
      userId,
      name: input.name,
      scopes: [...new Set(input.scopes)],
      prefix: secret.slice(0, 13),
      tokenHash: secretHash(secret),
      createdAt: now,
      expiresAt: input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000) : null,
    });
    const view = tokenView(row);
    record({
      action: 'api_token.created',
      recordType: 'api_token',
      recordId: row.id,
      before: null,
      after: view,
      marking: tokenMarking(found.user.organisationId, userId),
    });
    return { token: view, secret };
  });
}

export async function listTokens(ctx: ServiceContext, p: Principal): Promise<{ items: TokenView[]; total: number }> {
  const rows = await listTokensOf(ctx.db, p.userId);
  return { items: rows.map(tokenView), total: rows.length };
}

/** Revokes one of the caller's tokens; it stays listed, with its revocation time. */
export async function revokeOwnToken(ctx: ServiceContext, p: Principal, id: string): Promise<TokenView> {
  return write(ctx, actorOf(p), async (tx, record) => {
    const before = await findTokenOf(tx, p.userId, id);
    if (!before) throw notFound('Token');
    if (before.revokedAt) return tokenView(before);
    const after = await revokeToken(tx, id, ctx.now());
    const view = tokenView(after);
    record({
      action: 'api_token.revoked',
      recordType: 'api_token',
      recordId: id,
      before: tokenView(before),
      after: view,
      marking: tokenMarking(p.organisationId, p.userId),
    });
    return view;
  });
}
