/**
 * The assessment engagement as data (STYLE.md habit 4; issue 12; research frontier-domain.md
 * §7.4): `scoped → access_pending → in_progress → draft_report → developer_review → final →
 * published_summary | confidential_only`, plus `withdrawn` (with a reason) from any state that
 * is not an end. Each move names the parties that may make it (ADR 0103): the assessor moves
 * the work forward, the developer opens and closes its factual-review window, the commissioner
 * decides what becomes of the final report. Nothing here gates a model's release.
 */
export const ENGAGEMENT_STATES = [
  'scoped',
  'access_pending',
  'in_progress',
  'draft_report',
  'developer_review',
  'final',
  'published_summary',
  'confidential_only',
  'withdrawn',
] as const;
export type EngagementState = (typeof ENGAGEMENT_STATES)[number];

/** The ends: nothing moves an engagement out of them. */
export const FINAL_ENGAGEMENT_STATES: readonly EngagementState[] = ['published_summary', 'confidential_only', 'withdrawn'];
export const isEngagementEnded = (s: EngagementState): boolean => FINAL_ENGAGEMENT_STATES.includes(s);

export const ENGAGEMENT_EVENTS = [
  'request_access',
  'start',
  'submit_draft',
  'open_review',
  'close_review',
  'finalise',
  'publish_summary',
  'keep_confidential',
  'withdraw',
] as const;
export type EngagementEvent = (typeof ENGAGEMENT_EVENTS)[number];

/** The parties of an engagement. One organisation may be two (a developer commissioning its own assessment). */
export const ENGAGEMENT_PARTIES = ['commissioner', 'assessor', 'developer'] as const;
export type EngagementParty = (typeof ENGAGEMENT_PARTIES)[number];

/** state → event → next state. What is absent is refused. */
export const ENGAGEMENT_TRANSITIONS: Readonly<Record<EngagementState, Partial<Record<EngagementEvent, EngagementState>>>> = {
  scoped: { request_access: 'access_pending', withdraw: 'withdrawn' },
  access_pending: { start: 'in_progress', withdraw: 'withdrawn' },
  in_progress: { submit_draft: 'draft_report', withdraw: 'withdrawn' },
  // The developer opens its factual-review window; or, without one (or when it does not), the assessor finalises.
  draft_report: { open_review: 'developer_review', finalise: 'final', withdraw: 'withdrawn' },
  // The developer closes its window (the report becomes final), or the assessor finalises without waiting:
  // a review is a courtesy of accuracy, never a veto (DESIGN.md "Voluntary, never a gate").
  developer_review: { close_review: 'final', finalise: 'final', withdraw: 'withdrawn' },
  final: { publish_summary: 'published_summary', keep_confidential: 'confidential_only', withdraw: 'withdrawn' },
  published_summary: {},
  confidential_only: {},
  withdrawn: {},
};

/** Who may make each move (ADR 0103). */
export const ENGAGEMENT_EVENT_PARTIES: Readonly<Record<EngagementEvent, readonly EngagementParty[]>> = {
  request_access: ['commissioner', 'assessor'],
  start: ['assessor'],
  submit_draft: ['assessor'],
  open_review: ['developer'],
  close_review: ['developer'],
  finalise: ['assessor'],
  publish_summary: ['commissioner'],
  keep_confidential: ['commissioner'],
  withdraw: ['commissioner', 'assessor'],
};

/** What an engagement's move depends on besides its state. */
export interface EngagementFacts {
  readonly state: EngagementState;
  readonly developerReviewRight: boolean;
  readonly publicationRights: 'none' | 'summary' | 'full';
}

export type EngagementTransition =
  | { readonly ok: true; readonly state: EngagementState }
  | {
      readonly ok: false;
      readonly code: 'FORBIDDEN_TRANSITION' | 'NOT_A_PARTY' | 'MISSING_TEXT' | 'NOT_ALLOWED';
      readonly path: string;
      readonly message: string;
    };

/** What a move carries: a withdrawal its reason, a publication its public summary. */
export interface EngagementMoveText {
  readonly reason?: string | null | undefined;
  readonly summary?: string | null | undefined;
}

const partyList = (ps: readonly EngagementParty[]) => ps.join(' or ');

/**
 * The state after `event` made by someone holding `parties`, or why not. Pure. Checks, in
 * order: the move exists from this state; the caller is a party that may make it; a withdrawal
 * has a reason, a publication its summary; the developer opens a review only when it holds the right to review; a summary
 * is published only when the publication rights allow one.
 */
export function transitionEngagement(
  e: EngagementFacts,
  event: EngagementEvent,
  parties: ReadonlySet<EngagementParty>,
  text: EngagementMoveText = {},
): EngagementTransition {
  const to = ENGAGEMENT_TRANSITIONS[e.state][event];
  if (!to) {
    const allowed = eventsFrom(e.state);
    return {
      ok: false,
      code: 'FORBIDDEN_TRANSITION',
      path: '/event',
      message: `an engagement that is ${e.state} cannot ${event}${allowed.length ? ` (it can: ${allowed.join(', ')})` : ' (it has ended)'}`,
    };
  }
  const may = ENGAGEMENT_EVENT_PARTIES[event];
  if (!may.some((p) => parties.has(p))) return { ok: false, code: 'NOT_A_PARTY', path: '/event', message: `only the ${partyList(may)} may ${event}` };
  if (event === 'withdraw' && !text.reason?.trim())
    return { ok: false, code: 'MISSING_TEXT', path: '/reason', message: 'required: why the engagement is withdrawn' };
  if (event === 'publish_summary' && !text.summary?.trim())
    return { ok: false, code: 'MISSING_TEXT', path: '/summary', message: 'required: the summary to publish' };
  if (event === 'open_review' && !e.developerReviewRight)
    return { ok: false, code: 'NOT_ALLOWED', path: '/event', message: 'the independence declaration gives the developer no right to review' };
  if (event === 'publish_summary' && e.publicationRights === 'none')
    return { ok: false, code: 'NOT_ALLOWED', path: '/event', message: 'the publication rights allow no published summary' };
  return { ok: true, state: to };
}

/** The events allowed from `state`, in table order. */
export const eventsFrom = (state: EngagementState): EngagementEvent[] => ENGAGEMENT_EVENTS.filter((ev) => ENGAGEMENT_TRANSITIONS[state][ev] !== undefined);

/** The moves `parties` may make now (the UI's buttons): allowed from the state and by party. */
export function movesFor(e: EngagementFacts, parties: ReadonlySet<EngagementParty>): EngagementEvent[] {
  return eventsFrom(e.state).filter((ev) => {
    return transitionEngagement(e, ev, parties, { reason: 'given', summary: 'given' }).ok;
  });
}

/** The states in which the assessor records and edits findings and conclusions. */
export const WORKING_STATES: readonly EngagementState[] = ['in_progress', 'draft_report', 'developer_review'];
export const isWorking = (s: EngagementState): boolean => WORKING_STATES.includes(s);

/** The path through the states, for a stepper (withdrawn is shown apart). */
export const ENGAGEMENT_PATH: readonly EngagementState[] = ['scoped', 'access_pending', 'in_progress', 'draft_report', 'developer_review', 'final'];
