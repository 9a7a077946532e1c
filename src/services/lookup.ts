import { AppError } from '../domain/errors';
import { findOrganisation, findOrganisationByName } from '../store/organisations';
import { findUserByEmail } from '../store/users';
import type { ServiceContext } from './context';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An organisation by id or by name (case-insensitive), for operators at the command line. */
export async function organisationIdByRef(ctx: ServiceContext, ref: string): Promise<string> {
  const o = UUID.test(ref) ? await findOrganisation(ctx.db, ref) : await findOrganisationByName(ctx.db, ref);
  if (!o) throw new AppError('NOT_FOUND', `organisation '${ref}' not found`);
  return o.id;
}

/** A user by email (case-insensitive). */
export async function userIdByEmail(ctx: ServiceContext, email: string): Promise<string> {
  const u = await findUserByEmail(ctx.db, email);
  if (!u) throw new AppError('NOT_FOUND', `user '${email}' not found`);
  return u.id;
}
