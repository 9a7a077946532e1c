/**
 * The embargo protocol, modelled on CERT/CC Vultron's embargo management states
 * (Vultron, "Embargo Management Process Model": EM.None, EM.Proposed, EM.Active,
 * EM.Revise, EM.eXited). A participant proposes a public date; the others accept or
 * counter-propose (a counter-proposal is another `propose`); the coordinator decides.
 */
export const EMBARGO_STATES = ['none', 'proposed', 'active', 'revise', 'exited'] as const;
export type EmbargoState = (typeof EMBARGO_STATES)[number];

export const EMBARGO_EVENTS = ['propose', 'accept', 'reject', 'propose-revision', 'accept-revision', 'reject-revision', 'terminate'] as const;
export type EmbargoEvent = (typeof EMBARGO_EVENTS)[number];

/** state → event → next state (Vultron EM transitions). What is absent is forbidden. */
export const EMBARGO_TRANSITIONS: Readonly<Record<EmbargoState, Partial<Record<EmbargoEvent, EmbargoState>>>> = {
  none: { propose: 'proposed' },
  // Vultron: p (counter-propose) keeps EM.Proposed; a (accept) → EM.Active; r (reject) → EM.None.
  proposed: { propose: 'proposed', accept: 'active', reject: 'none' },
  // Vultron: an active embargo is revised by proposing a new date (EM.Revise) or ends (t → EM.eXited).
  active: { 'propose-revision': 'revise', terminate: 'exited' },
  // Vultron: further revisions stay in EM.Revise; accepting or rejecting returns to EM.Active.
  revise: { 'propose-revision': 'revise', 'accept-revision': 'active', 'reject-revision': 'active', terminate: 'exited' },
  exited: {},
};

export type EmbargoTransitionResult =
  | { readonly ok: true; readonly state: EmbargoState }
  | {
      readonly ok: false;
      readonly error: { readonly code: 'FORBIDDEN_TRANSITION'; readonly from: EmbargoState; readonly event: EmbargoEvent; readonly message: string };
    };

/** The embargo state after `event`, or a typed error naming the forbidden move. Pure. */
export function transitionEmbargo(state: EmbargoState, event: EmbargoEvent): EmbargoTransitionResult {
  const next = EMBARGO_TRANSITIONS[state][event];
  if (next) return { ok: true, state: next };
  return { ok: false, error: { code: 'FORBIDDEN_TRANSITION', from: state, event, message: `cannot ${event} an embargo that is ${state}` } };
}

/** Whether a proposal may be made now, and which event it is (a first proposal or a revision). */
export function proposalEvent(state: EmbargoState): EmbargoEvent | null {
  if (state === 'none' || state === 'proposed') return 'propose';
  if (state === 'active' || state === 'revise') return 'propose-revision';
  return null;
}

/** The event that adopts a proposal in `state` (the coordinator's decision). */
export function acceptEvent(state: EmbargoState): EmbargoEvent | null {
  if (state === 'proposed') return 'accept';
  if (state === 'revise') return 'accept-revision';
  return null;
}

/** The event that turns down the open proposals in `state`. */
export function rejectEvent(state: EmbargoState): EmbargoEvent | null {
  if (state === 'proposed') return 'reject';
  if (state === 'revise') return 'reject-revision';
  return null;
}
