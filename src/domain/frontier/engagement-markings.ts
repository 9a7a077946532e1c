import type { FieldProblem } from '../errors';
import { type Classification, CLASSIFICATIONS, type Marking, type Tlp, TLP_LABELS } from '../policy/marking';

/**
 * Markings of assessment records (issue 12; ADR 0103). An engagement is owned by the
 * commissioning organisation and shared with the assessor and the developer and with the
 * coordinators. Its findings, conclusions and annexes keep those recipients and carry their
 * own label and classification, never wider than the engagement's; a finding's detail may be
 * narrower than the finding. The published summary is the one part that becomes TLP:CLEAR, and
 * only once the engagement is `published_summary`.
 */
export interface EngagementParties {
  readonly commissioningOrganisationId: string;
  readonly assessorOrganisationId: string;
  readonly developerOrganisationId: string;
}

export function engagementMarking(p: EngagementParties, tlp: Tlp, classification: Classification, createdBy: string | null): Marking {
  const others = [p.assessorOrganisationId, p.developerOrganisationId].filter((o) => o !== p.commissioningOrganisationId);
  return {
    ownerOrganisationId: p.commissioningOrganisationId,
    createdBy,
    tlp,
    classification,
    accessOrganisations: [...new Set(others)].sort(),
    accessUsers: [],
    coordinators: true,
  };
}

const tlpRank = (t: Tlp) => TLP_LABELS.indexOf(t);
/** The stricter of two labels. */
export const stricterTlp = (a: Tlp, b: Tlp): Tlp => (tlpRank(a) >= tlpRank(b) ? a : b);
const classRank = (c: Classification) => CLASSIFICATIONS.indexOf(c);

/** A part of the engagement at its own label and classification (same recipients). */
export const partMarking = (engagement: Marking, tlp: Tlp, classification: Classification, createdBy: string | null): Marking => ({
  ...engagement,
  createdBy,
  tlp,
  classification,
});

/**
 * What is wrong with a part's marking against its parent's (empty when nothing): a part may be
 * narrower, never wider — a stricter TLP label and a classification at least as high.
 */
export function narrowerProblems(
  parent: Marking,
  tlp: Tlp,
  classification: Classification,
  paths: { readonly tlp: string; readonly classification: string } = { tlp: '/tlp', classification: '/classification' },
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (tlpRank(tlp) < tlpRank(parent.tlp)) problems.push({ path: paths.tlp, message: `cannot be wider than ${parent.tlp}` });
  if (classRank(classification) < classRank(parent.classification))
    problems.push({ path: paths.classification, message: `cannot be lower than ${parent.classification}` });
  return problems;
}

/**
 * The marking of an engagement's header and summary in an export: TLP:CLEAR and unclassified
 * once published as a summary (the commissioner chose to publish it), its own marking before.
 */
export const headerMarking = (engagement: Marking, state: string): Marking =>
  state === 'published_summary' ? { ...engagement, tlp: 'CLEAR', classification: 'UNCLASSIFIED' } : engagement;
