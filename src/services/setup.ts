import { AppError } from '../domain/errors';
import { organisationMarking, userMarking } from '../domain/identity/directory-marking';
import { consumeSetupToken, replaceSetupToken } from '../store/credentials';
import { insertOrganisation } from '../store/organisations';
import { countUsers, insertUser } from '../store/users';
import { SETUP_ACTOR } from './actor';
import type { ServiceContext } from './context';
import { newSecret, secretHash } from './ids';
import { checkPassword, hashPassword } from './passwords';
import { type NewSession, openSession } from './sessions';
import { write } from './unit-of-work';
import { organisationView, userView } from './views';

export async function setupNeeded(ctx: ServiceContext): Promise<boolean> {
  return (await countUsers(ctx.db)) === 0;
}

/**
 * On a start with no users yet, makes a new one-time setup secret (replacing any earlier
 * one) and returns it for the operator's console; returns null once set up.
 */
export async function issueSetupToken(ctx: ServiceContext): Promise<string | null> {
  if (!(await setupNeeded(ctx))) return null;
  const secret = newSecret('aisc_setup_', 24);
  await ctx.db.transaction((tx) => replaceSetupToken(tx, secretHash(secret), ctx.now()));
  return secret;
}

export interface SetupInput {
  readonly token: string;
  readonly organisation: { readonly name: string };
  readonly user: { readonly email: string; readonly name: string; readonly password: string };
}

/**
 * Creates the coordinating organisation and its first administrator, consuming the setup
 * secret; works once. A wrong secret and "already set up" answer alike (NOT_FOUND).
 */
export async function completeSetup(ctx: ServiceContext, input: SetupInput): Promise<NewSession> {
  checkPassword(input.user.password, '/user/password');
  const passwordHash = await hashPassword(input.user.password);
  return write(ctx, SETUP_ACTOR, async (tx, record) => {
    if ((await countUsers(tx)) > 0 || !(await consumeSetupToken(tx, secretHash(input.token)))) {
      throw new AppError('NOT_FOUND', 'This setup link is not valid (it works once, and only before the first administrator exists)');
    }
    const now = ctx.now();
    const org = await insertOrganisation(tx, {
      id: ctx.newId(),
      name: input.organisation.name,
      kind: 'government_agency',
      coordinator: true,
      createdAt: now,
      updatedAt: now,
    });
    const user = await insertUser(tx, {
      id: ctx.newId(),
      organisationId: org.id,
      email: input.user.email,
      name: input.user.name,
      role: 'admin',
      clearance: 'NONE',
      passwordHash,
      status: 'active',
      createdAt: now,
      updatedAt: now,
      lastLoginAt: now,
    });
    record({
      action: 'organisation.created',
      recordType: 'organisation',
      recordId: org.id,
      before: null,
      after: organisationView(org),
      marking: organisationMarking(org.id),
    });
    record({ action: 'user.created', recordType: 'user', recordId: user.id, before: null, after: userView(user), marking: userMarking(org.id) });
    return openSession(ctx, tx, user.id);
  });
}
