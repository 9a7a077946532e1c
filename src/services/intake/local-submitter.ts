import { AppError } from '../../domain/errors';
import type { Principal } from '../../domain/identity/principal';
import { findUserByEmail, findUserWithOrganisation } from '../../store/users';
import type { ServiceContext } from '../context';
import { principalOf } from '../principal';

/** The principal a local `aisc submit --as EMAIL` acts as: an active user, with their role's scopes. */
export async function localSubmitter(ctx: ServiceContext, email: string): Promise<Principal> {
  const user = await findUserByEmail(ctx.db, email);
  const found = user && (await findUserWithOrganisation(ctx.db, user.id));
  if (found?.user.status !== 'active') throw new AppError('NOT_FOUND', `No active user ${email}`);
  return principalOf(found.user, found.organisation, null, null);
}
