import type { Principal } from '../identity/principal';
import type { Scope } from '../identity/roles';
import { clears } from './classified';
import type { Classification, Clearance } from './marking';
import { isCoordinatorStaff } from './staff';

/**
 * THE action table (issue 9 item 7, ADR 0008): what a principal may DO, one rule per action.
 * Visibility is decided by visibility.ts and comes first: a write to a record one cannot see
 * answers NOT_FOUND before any of these is asked. Every rule reads only the principal (role,
 * whether its organisation coordinates, the credential's scopes) and, where named, the target.
 * A token's scopes narrow what its role allows (services/principal.ts), never widen it.
 */
export interface ActionTargets {
  /** Run the platform: admins of a coordinating organisation, with an admin credential. */
  'platform.administer': undefined;
  'organisations.manage': undefined;
  /**
   * Create users in, and change the standing (role included) of users of, an organisation.
   * An organisation admin reaches only their own organisation, so they can never make an
   * admin of a coordinating organisation: only platform admins do.
   */
  'users.manage': { readonly organisationId: string };
  /** Set a user's clearance: `from` is null for a new user. */
  'users.set-clearance': { readonly from: Clearance | null; readonly to: Clearance };
  /** Create records at all (notes, findings, statements…). */
  'records.write': undefined;
  /** Edit or delete a record one can see. */
  'records.edit': { readonly createdBy: string | null; readonly ownerOrganisationId: string };
  'webhooks.manage': { readonly organisationId: string };
  'audit.read': undefined;
  'findings.submit': undefined;
  /** Triage, merge and split reports. */
  'reports.triage': undefined;
  /** Quotas and intake settings. */
  'intake.configure': undefined;
  /** Open and run coordination cases. */
  'cases.coordinate': undefined;
  /** The embargo policy. */
  'cases.configure': undefined;
  /** Speak for an organisation in a case (its statements, its messages, its embargo answers). */
  'organisation.speak-for': { readonly organisationId: string };
  /** Draft and publish advisories. */
  'advisories.coordinate': undefined;
  /** Ask whether a model version is covered (a coverage inquiry), rebut or answer for it: writers of the model's developer. */
  'frontier.inquire': { readonly organisationId: string };
  /** Open, run and decide a classified designation review: cleared coordinator staff (ADR 0090). */
  'frontier.decide': { readonly classification: Classification };
  /** The designation settings (the panel, the classification of reviews). */
  'frontier.configure': undefined;
  /** The deployment's pre-release access policy (window, mode, milestone, reminders). */
  'frontier.configure-access': undefined;
  /** Plan voluntary pre-release access to a version of the developer `organisationId`: its grants, outages, partners. */
  'frontier.plan-access': { readonly organisationId: string };
  /** Commission a third-party assessment of a version of the developer `organisationId` (ADR 0103). */
  'frontier.commission-assessment': { readonly organisationId: string };
  /**
   * Act as a party of an assessment engagement (commissioner, assessor or developer) for
   * `organisationId`; `government` when that party is the government, for which the
   * clearinghouse's staff act (ADR 0103).
   */
  'frontier.act-in-engagement': { readonly organisationId: string; readonly government: boolean };
  /** Attest voluntary practices for the organisation `organisationId` (ADR 0105): its writers. */
  'frontier.attest': { readonly organisationId: string };
  /** Review an organisation's attestation (accepted / questioned): the clearinghouse's staff at work. */
  'frontier.review-attestation': undefined;
  /** Add a practice-catalogue version and set the scorecards' minimum group size (ADR 0105). */
  'frontier.configure-standards': undefined;
  /** Register and change compute facilities, clusters and training runs owned by `organisationId` (issue 12): its writers. */
  'frontier.register-compute': { readonly organisationId: string };
}
export type Action = keyof ActionTargets;
export type TargetOf<A extends Action> = ActionTargets[A] extends undefined ? [] : [ActionTargets[A]];

const holds = (p: Principal, scope: Scope): boolean => p.scopes.includes(scope);
const isPlatformAdmin = (p: Principal): boolean => p.coordinator && p.role === 'admin' && holds(p, 'admin');
/** Writers: anyone but viewers, with a credential that may write. */
const isWriter = (p: Principal): boolean => p.role !== 'viewer' && holds(p, 'write');
/** The clearinghouse at work: its staff (policy/staff.ts) with a credential that may write. */
const isWorkingStaff = (p: Principal): boolean => isCoordinatorStaff(p) && holds(p, 'write');
/** Platform admins manage every user; organisation admins manage their own organisation's users. */
const managesUsersOf = (p: Principal, organisationId: string): boolean =>
  holds(p, 'admin') && (isPlatformAdmin(p) || (p.role === 'admin' && p.organisationId === organisationId));

export const ACTIONS: { readonly [A in Action]: (p: Principal, target: ActionTargets[A]) => boolean } = {
  'platform.administer': isPlatformAdmin,
  'organisations.manage': isPlatformAdmin,
  'users.manage': (p, t) => managesUsersOf(p, t.organisationId),
  // Clearances are a security officer's act, not an organisation's: only platform admins change one.
  'users.set-clearance': (p, t) => t.to === (t.from ?? 'NONE') || isPlatformAdmin(p),
  'records.write': isWriter,
  'records.edit': (p, t) => t.createdBy === p.userId || (p.role === 'admin' && t.ownerOrganisationId === p.organisationId),
  'webhooks.manage': (p, t) => p.role === 'admin' && p.organisationId === t.organisationId && holds(p, 'admin'),
  // Audit trails are for administrators (of what they can see).
  'audit.read': (p) => p.role === 'admin' && holds(p, 'read'),
  'findings.submit': isWriter,
  'reports.triage': isWorkingStaff,
  'intake.configure': isPlatformAdmin,
  'cases.coordinate': isWorkingStaff,
  'cases.configure': isPlatformAdmin,
  'organisation.speak-for': (p, t) => p.organisationId === t.organisationId && isWriter(p),
  'advisories.coordinate': isWorkingStaff,
  'frontier.inquire': (p, t) => p.organisationId === t.organisationId && isWriter(p),
  // A role never opens a classified record: an admin without the clearance is refused like anyone.
  'frontier.decide': (p, t) => isWorkingStaff(p) && clears(p.clearance, t.classification),
  'frontier.configure': isPlatformAdmin,
  'frontier.configure-access': isPlatformAdmin,
  // The developer's writers, or the clearinghouse at work (the government side of the plan).
  'frontier.plan-access': (p, t) => (p.organisationId === t.organisationId && isWriter(p)) || isWorkingStaff(p),
  // The developer's writers for its own model, or the clearinghouse at work for the government.
  'frontier.commission-assessment': (p, t) => (p.organisationId === t.organisationId && isWriter(p)) || isWorkingStaff(p),
  'frontier.act-in-engagement': (p, t) => (p.organisationId === t.organisationId && isWriter(p)) || (t.government && isWorkingStaff(p)),
  // An organisation speaks for itself: nobody attests for another (not even the clearinghouse).
  'frontier.attest': (p, t) => p.organisationId === t.organisationId && isWriter(p),
  'frontier.review-attestation': isWorkingStaff,
  'frontier.configure-standards': isPlatformAdmin,
  // The owner's own declaration: the clearinghouse sees what is shared with it but does not speak for a lab's compute.
  'frontier.register-compute': (p, t) => p.organisationId === t.organisationId && isWriter(p),
};

/** Whether `p` may do `action` (to `target`, for the actions that name one). */
export function can<A extends Action>(p: Principal, action: A, ...target: TargetOf<A>): boolean {
  const rule = ACTIONS[action] as (p: Principal, target: ActionTargets[A] | undefined) => boolean;
  return rule(p, target[0]);
}
