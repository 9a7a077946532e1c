import type { Principal } from '../../../src/domain/identity/principal';
import { makeOrganisation, makePrincipal } from '../../helpers/factories';
import { caseWorld, type CaseWorld } from '../../cases/world';

/** The case world, plus a client of vendor A and a second (non-admin) member of A. */
export interface PayloadWorld extends CaseWorld {
  readonly clientOfA: Principal;
  readonly memberOfA: Principal;
  /** Principals the scenarios add (an invited user), to be probed too. */
  readonly joined: Principal[];
}

export async function payloadWorld(driver: 'pglite' | 'postgres'): Promise<PayloadWorld> {
  const w = await caseWorld(driver, 2);
  const a = w.vendors[0]!;
  const clientOfA = await makePrincipal(w.ctx, { organisationId: (await makeOrganisation(w.ctx, { parentId: a.organisationId })).id });
  const memberOfA = await makePrincipal(w.ctx, { organisationId: a.organisationId });
  return { ...w, clientOfA, memberOfA, joined: [] };
}
