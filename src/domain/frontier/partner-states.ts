/**
 * Trusted-partner vetting (issue 11 "Trusted partners"): a critical-infrastructure defender is
 * nominated for early access by the developer or the government, vetted, then approved,
 * declined or withdrawn. A state machine as data (STYLE.md habit 4). Approval here is of a
 * partner's vetting, never of a release.
 */
export const PARTNER_STATES = ['nominated', 'vetting', 'approved', 'declined', 'withdrawn'] as const;
export type PartnerState = (typeof PARTNER_STATES)[number];

export const PARTNER_EVENTS = ['start-vetting', 'approve', 'decline', 'withdraw'] as const;
export type PartnerEvent = (typeof PARTNER_EVENTS)[number];

/** Every allowed transition: state → event → next state. Anything else is refused. */
export const PARTNER_TRANSITIONS: Readonly<Record<PartnerState, Partial<Record<PartnerEvent, PartnerState>>>> = {
  nominated: { 'start-vetting': 'vetting', withdraw: 'withdrawn' },
  vetting: { approve: 'approved', decline: 'declined', withdraw: 'withdrawn' },
  approved: { withdraw: 'withdrawn' },
  declined: {},
  withdrawn: {},
};

export type PartnerTransition = { readonly ok: true; readonly state: PartnerState } | { readonly ok: false; readonly message: string };

/** The state after `event`, or why it is not allowed from `from`. */
export function transitionPartner(from: PartnerState, event: PartnerEvent): PartnerTransition {
  const to = PARTNER_TRANSITIONS[from]?.[event];
  if (to) return { ok: true, state: to };
  const allowed = Object.keys(PARTNER_TRANSITIONS[from] ?? {});
  return { ok: false, message: `a ${from} nomination cannot ${event}${allowed.length ? ` (it can: ${allowed.join(', ')})` : ' (it is closed)'}` };
}

/** Whether a partner in this state may hold grants in the plan. */
export const mayHoldGrants = (s: PartnerState): boolean => s === 'approved';
