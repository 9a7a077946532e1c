import { eventsFrom, type ReviewEvent, type ReviewState } from '../../domain/frontier/review-states';
import type { DesignationOutcome, RationaleVisibility } from '../../domain/frontier/registry';
import { CLASSIFICATIONS, type Classification } from '../../domain/policy/marking';
import type { EvaluationView } from './evaluation';
import type { DesignationRow, InquiryRow, ReviewHistoryRow, ReviewRow } from '../../store/frontier/designation';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** What the developer (and the coordinators) see of a version's designation: never the review. */
export interface DesignationView {
  readonly versionId: string;
  readonly outcome: DesignationOutcome;
  readonly rationaleVisibility: RationaleVisibility;
  /** The rationale as far as its visibility allows: the full text, the summary, or null. */
  readonly rationale: string | null;
  readonly decidedAt: string | null;
  readonly updatedAt: string;
}

export const designationView = (r: DesignationRow): DesignationView => ({
  versionId: r.versionId,
  outcome: r.outcome as DesignationOutcome,
  rationaleVisibility: r.rationaleVisibility as RationaleVisibility,
  rationale: r.rationaleForDeveloper,
  decidedAt: iso(r.decidedAt),
  updatedAt: r.updatedAt.toISOString(),
});

/** The outcome event's payload: exactly what the developer may see (ADR 0090). */
export const designationEventData = (v: DesignationView): Record<string, unknown> => ({
  versionId: v.versionId,
  outcome: v.outcome,
  rationaleVisibility: v.rationaleVisibility,
  rationale: v.rationale,
  decidedAt: v.decidedAt,
});

export interface InquiryView {
  readonly id: string;
  readonly versionId: string;
  readonly question: string;
  readonly state: string;
  /** The answer as the developer sees it (outcome and the rationale its visibility allows), once answered. */
  readonly answer: { readonly outcome: string; readonly rationale: string | null; readonly answeredAt: string | null } | null;
  readonly openedBy: string | null;
  /** The review it was routed to: only for who may see that review, else null. */
  readonly reviewId: string | null;
  /** The version's current outcome, when the caller may see it. */
  readonly designation: DesignationView | null;
  /** What the transparent rule sets say about the declared facts (the registry's latest evaluation), when available. */
  readonly evaluation: EvaluationView[] | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export const inquiryView = (
  r: InquiryRow,
  extra: { reviewVisible: boolean; designation: DesignationView | null; evaluation?: EvaluationView[] | null } = { reviewVisible: false, designation: null },
): InquiryView => ({
  id: r.id,
  versionId: r.versionId,
  question: r.question,
  state: r.state,
  answer: r.answerOutcome ? { outcome: r.answerOutcome, rationale: r.answerRationale, answeredAt: iso(r.answeredAt) } : null,
  openedBy: r.createdBy,
  reviewId: extra.reviewVisible ? r.reviewId : null,
  designation: extra.designation,
  evaluation: extra.evaluation ?? null,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

export interface ReviewDecisionView {
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
  readonly basis: string | null;
  readonly rationale: string | null;
  readonly rationaleSummary: string | null;
  readonly rationaleVisibility: string | null;
}

/** A review as its cleared readers see it (classified: only ever shown to who may see the row). */
export interface ReviewView {
  readonly id: string;
  readonly versionId: string;
  readonly state: ReviewState;
  readonly trigger: string;
  readonly detail: string;
  readonly inquiryId: string | null;
  readonly reassessments: number;
  readonly decision: ReviewDecisionView | null;
  readonly classification: Classification;
  readonly accessUsers: string[];
  readonly createdBy: string | null;
  /** The events allowed now (the buttons of the UI). */
  readonly allowedEvents: ReviewEvent[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

export const reviewView = (r: ReviewRow): ReviewView => ({
  id: r.id,
  versionId: r.versionId,
  state: r.state as ReviewState,
  trigger: r.trigger,
  detail: r.detail,
  inquiryId: r.inquiryId,
  reassessments: r.reassessments,
  decision: r.decidedAt
    ? {
        decidedBy: r.decidedBy,
        decidedAt: iso(r.decidedAt),
        basis: r.basis,
        rationale: r.rationale,
        rationaleSummary: r.rationaleSummary,
        rationaleVisibility: r.rationaleVisibility,
      }
    : null,
  classification: CLASSIFICATIONS[r.classification] ?? 'TOP_SECRET',
  accessUsers: [...r.accessUsers],
  createdBy: r.createdBy,
  allowedEvents: eventsFrom(r.state as ReviewState),
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

export interface ReviewHistoryView {
  readonly id: string;
  readonly event: string;
  readonly from: string | null;
  readonly to: string;
  readonly trigger: string | null;
  readonly note: string;
  readonly actor: { readonly userId: string | null; readonly label: string };
  readonly decision: Omit<ReviewDecisionView, 'decidedBy' | 'decidedAt'> | null;
  readonly at: string;
}

export const reviewHistoryView = (h: ReviewHistoryRow): ReviewHistoryView => ({
  id: h.id,
  event: h.event,
  from: h.fromState,
  to: h.toState,
  trigger: h.trigger,
  note: h.note,
  actor: { userId: h.actorUserId, label: h.actorLabel },
  decision: h.rationaleVisibility
    ? { basis: h.basis, rationale: h.rationale, rationaleSummary: h.rationaleSummary, rationaleVisibility: h.rationaleVisibility }
    : null,
  at: h.at.toISOString(),
});

/** A review event's payload: ids and states, never the detail, basis or rationale (classified text stays in the row). */
export const reviewEventData = (r: ReviewRow, move: { from: string | null; event: string }): Record<string, unknown> => ({
  id: r.id,
  versionId: r.versionId,
  from: move.from,
  to: r.state,
  event: move.event,
  trigger: r.trigger,
});
