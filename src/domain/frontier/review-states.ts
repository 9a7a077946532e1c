import type { DesignationOutcome, RationaleVisibility } from './registry';

/**
 * The designation review as data (STYLE.md habit 4; issue 11 "Designation"; research
 * frontier-domain.md §7.2). The engine proposes, a cleared analyst decides: a review opens
 * `proposed`, is taken `under_review`, and is decided `designated`, `not_designated` or
 * `deferred` (evidence asked of the developer; back under review when it arrives). A decision
 * can be rebutted (`rebuttal_requested` → `rebuttal_reviewed` → decided again, EU AI Act
 * Art. 52(2)–(3) style) and reopened for reassessment (a new checkpoint, a derivative, a new
 * rule-set version, or by hand).
 */
export const REVIEW_STATES = ['proposed', 'under_review', 'deferred', 'designated', 'not_designated', 'rebuttal_requested', 'rebuttal_reviewed'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/** The events that move a review; the three decisions carry an authority decision. */
export const REVIEW_EVENTS = [
  'start_review',
  'designate',
  'not_designate',
  'defer',
  'evidence_received',
  'request_rebuttal',
  'review_rebuttal',
  'reassess',
] as const;
export type ReviewEvent = (typeof REVIEW_EVENTS)[number];

/** The events that are an authority decision (who, when, basis, rationale and its visibility). */
export const DECISION_EVENTS = ['designate', 'not_designate', 'defer'] as const satisfies readonly ReviewEvent[];
export type DecisionEvent = (typeof DECISION_EVENTS)[number];
export const isDecisionEvent = (e: ReviewEvent): e is DecisionEvent => (DECISION_EVENTS as readonly string[]).includes(e);

/** What opened (or reopened) a review. */
export const REVIEW_TRIGGERS = ['inquiry', 'rule_result', 'checkpoint', 'derivative', 'manual'] as const;
export type ReviewTrigger = (typeof REVIEW_TRIGGERS)[number];

/** state → event → next state. What is absent is forbidden. */
export const REVIEW_TRANSITIONS: Readonly<Record<ReviewState, Partial<Record<ReviewEvent, ReviewState>>>> = {
  proposed: { start_review: 'under_review' },
  under_review: { designate: 'designated', not_designate: 'not_designated', defer: 'deferred' },
  // Needs-info: the developer is asked for evidence; its arrival puts the review back under review.
  deferred: { evidence_received: 'under_review' },
  // A decided review can be rebutted, or reopened for reassessment (new checkpoint, derivative, rule-set version, by hand).
  designated: { request_rebuttal: 'rebuttal_requested', reassess: 'under_review' },
  not_designated: { request_rebuttal: 'rebuttal_requested', reassess: 'under_review' },
  rebuttal_requested: { review_rebuttal: 'rebuttal_reviewed' },
  rebuttal_reviewed: { designate: 'designated', not_designate: 'not_designated' },
};

/** States in which the authority's decision stands (a reassessment reopens them). */
export const DECIDED_STATES: readonly ReviewState[] = ['designated', 'not_designated'];
export const isDecided = (s: ReviewState): boolean => DECIDED_STATES.includes(s);

export type ReviewTransitionResult =
  | { readonly ok: true; readonly state: ReviewState }
  | {
      readonly ok: false;
      readonly error: { readonly code: 'FORBIDDEN_TRANSITION'; readonly from: ReviewState; readonly event: ReviewEvent; readonly message: string };
    };

/** The state after `event`, or a typed error naming the forbidden move. Pure. */
export function transitionReview(state: ReviewState, event: ReviewEvent): ReviewTransitionResult {
  const next = REVIEW_TRANSITIONS[state][event];
  if (next) return { ok: true, state: next };
  return { ok: false, error: { code: 'FORBIDDEN_TRANSITION', from: state, event, message: `cannot ${event.replace('_', ' ')} a review that is ${state}` } };
}

/** The events allowed from `state`, in table order (for the UI's buttons and error messages). */
export const eventsFrom = (state: ReviewState): ReviewEvent[] => REVIEW_EVENTS.filter((e) => REVIEW_TRANSITIONS[state][e] !== undefined);

/**
 * An authority decision (research §1.2 rule type 3): who decided, when, under which basis
 * (possibly classified text: the benchmark run, the criteria met), and a rationale with its own
 * visibility towards the developer.
 */
export interface AuthorityDecision {
  readonly decidedBy: string;
  readonly decidedAt: Date;
  /** The (possibly classified) basis. Never leaves the review. */
  readonly basis: string;
  /** The full rationale. The developer sees it only under `full` visibility. */
  readonly rationale: string;
  /** A summary written for the developer: what it sees under `summary` visibility. */
  readonly rationaleSummary: string | null;
  readonly rationaleVisibility: RationaleVisibility;
}

/** The rationale the developer sees: the full text, the summary, or nothing. Pure. */
export function rationaleForDeveloper(d: Pick<AuthorityDecision, 'rationale' | 'rationaleSummary' | 'rationaleVisibility'>): string | null {
  if (d.rationaleVisibility === 'full') return d.rationale;
  if (d.rationaleVisibility === 'summary') return d.rationaleSummary;
  return null;
}

/** The outcome a decision event gives the developer. */
export const DECISION_OUTCOMES: Readonly<Record<DecisionEvent, DesignationOutcome>> = {
  designate: 'designated',
  not_designate: 'not_designated',
  defer: 'deferred',
};

/**
 * What the developer-facing outcome becomes after `event` took a review to `to` (null: it stays
 * as it is). Decisions set it; evidence arriving puts a deferred version back under review.
 * A rebuttal or a reassessment leaves the standing decision in place until the next decision.
 */
export function developerOutcomeAfter(event: ReviewEvent, to: ReviewState): DesignationOutcome | null {
  if (isDecisionEvent(event)) return DECISION_OUTCOMES[event];
  if (event === 'evidence_received' && to === 'under_review') return 'under_review';
  return null;
}

/** The outcome a developer sees when it asks about a version: a standing one stays, otherwise under review. */
export const outcomeOnInquiry = (current: DesignationOutcome | null): DesignationOutcome => current ?? 'under_review';

/** The fields of a decision as submitted, before the service stamps who and when. */
export interface DecisionInput {
  readonly outcome: 'designated' | 'not_designated' | 'deferred';
  readonly basis: string;
  readonly rationale: string;
  readonly rationaleSummary?: string | null | undefined;
  readonly rationaleVisibility: RationaleVisibility;
}

/** The decision event of an outcome. */
export const decisionEventOf = (outcome: DecisionInput['outcome']): DecisionEvent =>
  outcome === 'designated' ? 'designate' : outcome === 'not_designated' ? 'not_designate' : 'defer';

/**
 * What is wrong with a decision (empty when nothing is), naming each field. A summary
 * visibility needs a summary; deferring asks the developer for evidence, so the developer must
 * be told something (`full` or `summary`). Messages never quote the (classified) text.
 */
export function decisionProblems(d: DecisionInput): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  if (!d.basis.trim()) problems.push({ path: '/basis', message: 'required: the basis of the decision' });
  if (!d.rationale.trim()) problems.push({ path: '/rationale', message: 'required: the rationale of the decision' });
  if (d.rationaleVisibility === 'summary' && !d.rationaleSummary?.trim())
    problems.push({ path: '/rationaleSummary', message: 'required when the developer sees the summary' });
  if (d.outcome === 'deferred' && d.rationaleVisibility === 'none')
    problems.push({ path: '/rationaleVisibility', message: 'deferring asks the developer for evidence: it must see the full rationale or a summary' });
  return problems;
}
