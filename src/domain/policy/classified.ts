import { type Classification, type Clearance, type Marking, classificationRank, clearanceRank } from './marking';

/**
 * Classified records (ADR 0090): a designation review is TLP:RED (named recipients only) at a
 * classification, with an access list of cleared users. `canSee` (visibility.ts) opens it to a
 * named recipient whose clearance covers the classification, and to nobody else: no role, no
 * organisation, no coordinator flag widens it.
 */

/** Whether a clearance covers a classification. */
export const clears = (clearance: Clearance, classification: Classification): boolean => clearanceRank(clearance) >= classificationRank(classification);

/**
 * Who may be named on a classified record's access list (a review's, the designation panel):
 * an active user whose clearance covers the classification. Naming someone who could not see
 * the record would be a list that lies.
 */
export const mayBeNamedOn = (user: { readonly status: string; readonly clearance: Clearance }, classification: Classification): boolean =>
  user.status === 'active' && clears(user.clearance, classification);

/** The marking of a classified record: owned by the authority's organisation, TLP:RED, named recipients only. */
export const classifiedMarking = (
  ownerOrganisationId: string,
  createdBy: string | null,
  classification: Classification,
  accessUsers: readonly string[],
): Marking => ({
  ownerOrganisationId,
  createdBy,
  tlp: 'RED',
  classification,
  accessOrganisations: [],
  accessUsers: [...new Set(accessUsers)],
  coordinators: false,
});
