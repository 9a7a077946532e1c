import type { EngagementParty } from './engagement-states';

/**
 * A finding's remediation, updated by the developer (issue 12): `open → mitigated_before_release
 * | accepted | disputed`, each with evidence. A dispute can still end mitigated or accepted; the
 * assessor may reopen any settled finding (its evidence did not convince). Research §7.4 proposes
 * a longer chain (acknowledged, mitigation planned, verified); the four states are kept,
 * the rest is text in the evidence.
 */
export const REMEDIATION_STATES = ['open', 'mitigated_before_release', 'accepted', 'disputed'] as const;
export type RemediationState = (typeof REMEDIATION_STATES)[number];

export const REMEDIATION_EVENTS = ['mitigate', 'accept', 'dispute', 'reopen'] as const;
export type RemediationEvent = (typeof REMEDIATION_EVENTS)[number];

export const REMEDIATION_TRANSITIONS: Readonly<Record<RemediationState, Partial<Record<RemediationEvent, RemediationState>>>> = {
  open: { mitigate: 'mitigated_before_release', accept: 'accepted', dispute: 'disputed' },
  disputed: { mitigate: 'mitigated_before_release', accept: 'accepted', reopen: 'open' },
  accepted: { reopen: 'open' },
  mitigated_before_release: { reopen: 'open' },
};

/** The developer answers for its model; the assessor reopens. */
export const REMEDIATION_EVENT_PARTIES: Readonly<Record<RemediationEvent, EngagementParty>> = {
  mitigate: 'developer',
  accept: 'developer',
  dispute: 'developer',
  reopen: 'assessor',
};

export interface RemediationInput {
  readonly event: RemediationEvent;
  /** What shows it: a note (required for every move). */
  readonly note?: string | null | undefined;
  /** Evidence references (documents, run ids, links): required to mitigate and to dispute. */
  readonly evidence?: readonly string[] | undefined;
}

export type RemediationTransition =
  | { readonly ok: true; readonly state: RemediationState }
  | { readonly ok: false; readonly code: 'FORBIDDEN_TRANSITION' | 'NOT_A_PARTY' | 'VALIDATION'; readonly problems: { path: string; message: string }[] };

/** The remediation state after `input.event`, or every reason why not. Pure. */
export function transitionRemediation(from: RemediationState, input: RemediationInput, parties: ReadonlySet<EngagementParty>): RemediationTransition {
  const to = REMEDIATION_TRANSITIONS[from][input.event];
  if (!to) {
    const allowed = REMEDIATION_EVENTS.filter((e) => REMEDIATION_TRANSITIONS[from][e]);
    return {
      ok: false,
      code: 'FORBIDDEN_TRANSITION',
      problems: [{ path: '/event', message: `a finding that is ${from} cannot ${input.event} (it can: ${allowed.join(', ')})` }],
    };
  }
  const party = REMEDIATION_EVENT_PARTIES[input.event];
  if (!parties.has(party)) return { ok: false, code: 'NOT_A_PARTY', problems: [{ path: '/event', message: `only the ${party} may ${input.event} a finding` }] };
  const problems: { path: string; message: string }[] = [];
  if (!input.note?.trim()) problems.push({ path: '/note', message: `required: say why the finding is ${to.replace(/_/g, ' ')}` });
  if ((input.event === 'mitigate' || input.event === 'dispute') && !(input.evidence ?? []).some((e) => e.trim()))
    problems.push({ path: '/evidence', message: `at least one evidence reference is required to ${input.event}` });
  (input.evidence ?? []).forEach((e, i) => {
    if (!e.trim()) problems.push({ path: `/evidence/${i}`, message: 'empty evidence reference' });
  });
  if (problems.length) return { ok: false, code: 'VALIDATION', problems };
  return { ok: true, state: to };
}
