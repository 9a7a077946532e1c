import type { Marking } from '../policy/marking';

/**
 * The markings of directory records (organisations, users, tokens, webhooks), so their
 * audit entries and events pass through the same policy as everything else.
 */

/** Organisations are known to the whole community (needed to invite and coordinate). */
export const organisationMarking = (organisationId: string): Marking => ({
  ownerOrganisationId: organisationId,
  createdBy: null,
  tlp: 'GREEN',
  classification: 'UNCLASSIFIED',
  accessOrganisations: [],
  accessUsers: [],
});

/**
 * A user is known to their own organisation and to the coordinators who administer the
 * directory (the coordinators as they stand when the entry is read: ADR 0008). The one rule
 * for seeing users, `canSeeUser` in policy/users.ts, is this marking under the policy.
 */
export const userMarking = (organisationId: string): Marking => ({
  ownerOrganisationId: organisationId,
  createdBy: null,
  tlp: 'AMBER+STRICT',
  classification: 'UNCLASSIFIED',
  accessOrganisations: [],
  accessUsers: [],
  coordinators: true,
});

/** An API token concerns its holder alone. */
export const tokenMarking = (organisationId: string, userId: string): Marking => ({
  ownerOrganisationId: organisationId,
  createdBy: userId,
  tlp: 'RED',
  classification: 'UNCLASSIFIED',
  accessOrganisations: [],
  accessUsers: [],
});

/** Webhooks and their deliveries belong to the organisation that registered them. */
export const webhookMarking = (organisationId: string): Marking => ({
  ownerOrganisationId: organisationId,
  createdBy: null,
  tlp: 'AMBER+STRICT',
  classification: 'UNCLASSIFIED',
  accessOrganisations: [],
  accessUsers: [],
});
