/**
 * Markings every protected record carries (DESIGN.md "Need-to-know"): an owner
 * organisation, a TLP 2.0 label, an optional classification that needs a clearance,
 * and an optional access list of organisations and users.
 */

/** TLP 2.0 labels (FIRST, "Traffic Light Protocol (TLP) Standards Definitions and Usage Guidance", version 2.0). */
export const TLP_LABELS = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;
export type Tlp = (typeof TLP_LABELS)[number];

/** Classification levels, lowest first; a record at level N needs a clearance of rank ≥ N. */
export const CLASSIFICATIONS = ['UNCLASSIFIED', 'CONFIDENTIAL', 'SECRET', 'TOP_SECRET'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

/** Personal clearances, lowest first; rank i grants classifications of rank ≤ i. */
export const CLEARANCES = ['NONE', 'CONFIDENTIAL', 'SECRET', 'TOP_SECRET'] as const;
export type Clearance = (typeof CLEARANCES)[number];

export const classificationRank = (c: Classification): number => CLASSIFICATIONS.indexOf(c);
export const clearanceRank = (c: Clearance): number => CLEARANCES.indexOf(c);
/** The stricter of two TLP labels (TLP 2.0 order: CLEAR < GREEN < AMBER < AMBER+STRICT < RED). */
export const stricterTlp = (a: Tlp, b: Tlp): Tlp => (TLP_LABELS.indexOf(a) >= TLP_LABELS.indexOf(b) ? a : b);
/** The higher of two classifications. */
export const higherClassification = (a: Classification, b: Classification): Classification => (classificationRank(a) >= classificationRank(b) ? a : b);

export interface Marking {
  readonly ownerOrganisationId: string;
  /** The user who created the record: a TLP:RED recipient by definition. */
  readonly createdBy: string | null;
  readonly tlp: Tlp;
  readonly classification: Classification;
  /** Recipient organisations besides the owner. */
  readonly accessOrganisations: readonly string[];
  /** Named recipients (the only way to share TLP:RED). */
  readonly accessUsers: readonly string[];
  /**
   * Shared with the clearinghouse's coordinators (ADR 0008): members of a coordinating
   * organisation hold it as a recipient organisation, its staff (active analysts and
   * admins) as named recipients. Who they are is looked up when the record is read, never
   * copied into the lists above. Absent means false.
   */
  readonly coordinators?: boolean;
}
