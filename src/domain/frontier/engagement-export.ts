import { type Classification, CLASSIFICATIONS, type Marking, type Tlp, TLP_LABELS } from '../policy/marking';
import { ANONYMOUS, type Viewer } from '../policy/viewer';
import { canSee } from '../policy/visibility';

/**
 * Exports per audience (issue 12 "Export per audience"; ADR 0103). Each audience is a VIEWER of
 * the policy module, and every part of an engagement (its header, each conclusion, each
 * finding, each finding's detail, each annex) is put in or left out by `canSee` — the same rule
 * every read uses — applied to the audience AND to the person exporting (one never hands on
 * what one may not read oneself). No part is decided by an `if` of its own here.
 */
export const EXPORT_AUDIENCES = ['public', 'partner', 'government'] as const;
export type ExportAudience = (typeof EXPORT_AUDIENCES)[number];

/** A stand-in id for the audience's members: matches no organisation or user, so no list names them. */
const NOBODY = '00000000-0000-0000-0000-000000000000';

/**
 * The viewer an audience is:
 * - public: the anonymous viewer (TLP:CLEAR, unclassified only);
 * - partner: an organisation that is a client of the commissioning organisation, with no
 *   clearance (TLP 2.0 AMBER: "its clients on a need-to-know basis"), so AMBER and wider,
 *   unclassified; never AMBER+STRICT or RED;
 * - government: the clearinghouse's cleared staff (a coordinator, staff, TOP_SECRET), who hold
 *   every record marked "shared with the coordinators" (ADR 0008) at any classification.
 */
export function audienceViewer(audience: ExportAudience, commissioningOrganisationId: string): Viewer {
  if (audience === 'public') return ANONYMOUS;
  if (audience === 'partner') return { kind: 'organisation', organisationId: NOBODY, clientOf: commissioningOrganisationId, coordinator: false };
  return { kind: 'user', userId: NOBODY, organisationId: NOBODY, clientOf: null, clearance: 'TOP_SECRET', coordinator: true, staff: true };
}

/** The label a document for an audience travels under (the partner version is TLP:AMBER by the issue). */
export const AUDIENCE_TLP: Readonly<Record<ExportAudience, Tlp | null>> = { public: 'CLEAR', partner: 'AMBER', government: null };

/** A part of an engagement with its marking. */
export interface Marked<T> {
  readonly marking: Marking;
  readonly value: T;
}

/** A finding as parts: what it is (title, severity, domain, remediation) and its detail (narrower or equal). */
export interface FindingParts<S, D> {
  readonly summary: Marked<S>;
  readonly detail: Marked<D>;
}

export interface EngagementParts<H, C, S, D, A> {
  readonly commissioningOrganisationId: string;
  readonly header: Marked<H>;
  readonly conclusions: readonly Marked<C>[];
  readonly findings: readonly FindingParts<S, D>[];
  readonly annexes: readonly Marked<A>[];
}

export interface EngagementExport<H, C, S, D, A> {
  readonly audience: ExportAudience;
  readonly tlp: Tlp;
  readonly classification: Classification;
  readonly header: H | null;
  readonly conclusions: C[];
  readonly findings: (S & { readonly detail: D | null })[];
  readonly annexes: A[];
}

/** Builds the document for `audience` as exported by `requester`. Pure. */
export function exportFor<H, C, S, D, A>(parts: EngagementParts<H, C, S, D, A>, audience: ExportAudience, requester: Viewer): EngagementExport<H, C, S, D, A> {
  const reader = audienceViewer(audience, parts.commissioningOrganisationId);
  const included: Marking[] = [];
  const take = <T>(p: Marked<T>): p is Marked<T> => {
    const ok = canSee(reader, p.marking) && canSee(requester, p.marking);
    if (ok) included.push(p.marking);
    return ok;
  };
  const header = take(parts.header) ? parts.header.value : null;
  const conclusions = parts.conclusions.filter(take).map((c) => c.value);
  const findings = parts.findings.filter((f) => take(f.summary)).map((f) => ({ ...f.summary.value, detail: take(f.detail) ? f.detail.value : null }));
  const annexes = parts.annexes.filter(take).map((a) => a.value);
  const rank = (m: Marking) => CLASSIFICATIONS.indexOf(m.classification);
  const classification = CLASSIFICATIONS[Math.max(0, ...included.map(rank))]!;
  const strictest = TLP_LABELS[Math.max(0, ...included.map((m) => TLP_LABELS.indexOf(m.tlp)))]!;
  return { audience, tlp: AUDIENCE_TLP[audience] ?? strictest, classification, header, conclusions, findings, annexes };
}
