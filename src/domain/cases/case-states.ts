/**
 * The coordination case workflow as data (STYLE.md habit 4). A case is opened from accepted
 * reports (or as a campaign), vendors are invited (coordinating), an embargo is agreed
 * (embargoed), an advisory is scheduled at the embargo end (scheduled), the issue becomes
 * public (disclosed) and the case is closed. A closed case may be reopened.
 */
export const CASE_STATES = ['open', 'coordinating', 'embargoed', 'scheduled', 'disclosed', 'closed'] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const CASE_EVENTS = ['invite', 'embargo', 'schedule', 'unschedule', 'disclose', 'close', 'reopen'] as const;
export type CaseEvent = (typeof CASE_EVENTS)[number];

/** state → event → next state. What is absent is forbidden. */
export const CASE_TRANSITIONS: Readonly<Record<CaseState, Partial<Record<CaseEvent, CaseState>>>> = {
  // Closing an open case: nobody was invited (e.g. the report turned out to be known).
  open: { invite: 'coordinating', close: 'closed' },
  coordinating: { invite: 'coordinating', embargo: 'embargoed', disclose: 'disclosed', close: 'closed' },
  // A revised embargo stays embargoed (the embargo machine tracks the revision).
  embargoed: { invite: 'embargoed', embargo: 'embargoed', schedule: 'scheduled', disclose: 'disclosed' },
  // Rescheduling is another `schedule`; a revised embargo keeps the advisory scheduled.
  scheduled: { invite: 'scheduled', embargo: 'scheduled', schedule: 'scheduled', unschedule: 'embargoed', disclose: 'disclosed' },
  disclosed: { close: 'closed' },
  closed: { reopen: 'coordinating' },
};

export type CaseTransitionResult =
  | { readonly ok: true; readonly state: CaseState }
  | {
      readonly ok: false;
      readonly error: { readonly code: 'FORBIDDEN_TRANSITION'; readonly from: CaseState; readonly event: CaseEvent; readonly message: string };
    };

/** The state after `event`, or a typed error naming the forbidden move. Pure. */
export function transitionCase(state: CaseState, event: CaseEvent): CaseTransitionResult {
  const next = CASE_TRANSITIONS[state][event];
  if (next) return { ok: true, state: next };
  return { ok: false, error: { code: 'FORBIDDEN_TRANSITION', from: state, event, message: `cannot ${event} a case that is ${state}` } };
}

/** States in which the case is still under embargo (nothing may be public). */
export const isUnderEmbargo = (s: CaseState): boolean => s === 'embargoed' || s === 'scheduled';
