import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../database';
import { organisations, users } from '../schema/index';

/**
 * The clearinghouse's own people: coordinating organisations, and their active analysts
 * and admins (the named recipients of TLP:RED proofs of concept).
 */
export async function coordinatorAudience(db: Executor): Promise<{ organisations: string[]; staff: string[] }> {
  const orgs = (await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.coordinator, true))).map((r) => r.id);
  if (orgs.length === 0) return { organisations: [], staff: [] };
  const staff = await db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.organisationId, orgs), inArray(users.role, ['analyst', 'admin']), eq(users.status, 'active')));
  return { organisations: orgs, staff: staff.map((s) => s.id) };
}
