/**
 * The advisory workflow as data (STYLE.md habit 4). A draft is written under embargo,
 * scheduled for a publication time, published (TLP:CLEAR), revised while published (each
 * revision kept), and finally withdrawn, which is terminal: a withdrawn advisory stays
 * withdrawn and is still served with `withdrawn` set (OSV 1.7 §withdrawn).
 */
export const ADVISORY_STATES = ['draft', 'scheduled', 'published', 'withdrawn'] as const;
export type AdvisoryState = (typeof ADVISORY_STATES)[number];

export const ADVISORY_EVENTS = ['edit', 'schedule', 'unschedule', 'publish', 'revise', 'withdraw'] as const;
export type AdvisoryEvent = (typeof ADVISORY_EVENTS)[number];

/** state → event → next state. What is absent is forbidden. */
export const ADVISORY_TRANSITIONS: Readonly<Record<AdvisoryState, Partial<Record<AdvisoryEvent, AdvisoryState>>>> = {
  draft: { edit: 'draft', schedule: 'scheduled', publish: 'published' },
  // Rescheduling is another `schedule`; editing keeps the schedule.
  scheduled: { edit: 'scheduled', schedule: 'scheduled', unschedule: 'draft', publish: 'published' },
  published: { revise: 'published', withdraw: 'withdrawn' },
  withdrawn: {},
};

export type TransitionResult =
  | { readonly ok: true; readonly state: AdvisoryState }
  | {
      readonly ok: false;
      readonly error: { readonly code: 'FORBIDDEN_TRANSITION'; readonly from: AdvisoryState; readonly event: AdvisoryEvent; readonly message: string };
    };

/** The state after `event`, or a typed error naming the forbidden move. */
export function transition(state: AdvisoryState, event: AdvisoryEvent): TransitionResult {
  const next = ADVISORY_TRANSITIONS[state][event];
  if (next) return { ok: true, state: next };
  return { ok: false, error: { code: 'FORBIDDEN_TRANSITION', from: state, event, message: `cannot ${event} an advisory that is ${state}` } };
}

/** States the public may see (after publication): everything else is under embargo. */
export const PUBLIC_STATES: readonly AdvisoryState[] = ['published', 'withdrawn'];

export const isPublicState = (s: AdvisoryState): boolean => PUBLIC_STATES.includes(s);
