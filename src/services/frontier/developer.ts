import { AppError } from '../../domain/errors';
import type { Principal } from '../../domain/identity/principal';
import { can } from '../../domain/policy/actions';

/**
 * Only a writer of the developer — the owner organisation of the model's marking — changes a
 * model and what hangs off it (versions, checkpoints, lineage, facts). Seeing is not enough:
 * coordinators see a model shared with them, and still do not speak for the lab.
 */
export function assertSpeaksFor(p: Principal, m: { readonly ownerOrganisationId: string }): void {
  if (!can(p, 'organisation.speak-for', { organisationId: m.ownerOrganisationId })) {
    throw new AppError('FORBIDDEN', "Only a writer of the model's developer changes it");
  }
}
