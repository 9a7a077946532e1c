import { parsePolicy } from './access-plan';
import { DEFAULT_ACCESS_WINDOW_POLICY, type AccessWindowPolicy, type ReleaseMilestone } from './access-window';

/**
 * The vocabulary of voluntary pre-release access (issue 11 "Pre-release access", "Terms and an
 * access log"; research/frontier-domain.md §2.2, §7.3). Pure data and checks: the store, the
 * API and the UI read these lists, never their own copies.
 */

/**
 * What a grantee gets (research §2.2: "enumerate; do not use a boolean"). Access levels after
 * Charnock et al. (arXiv 2601.11916): AL1 black-box, AL2 grey-box, AL3 white-box.
 */
export const ACCESS_KINDS = [
  { id: 'api_production', label: 'Black-box API (production safeguards)', level: 'AL1' },
  { id: 'api_reduced_safeguards', label: 'API, reduced-safeguard variant', level: 'AL2' },
  { id: 'api_safeguard_free', label: 'API, safeguard-free (helpful-only) variant', level: 'AL2' },
  { id: 'api_with_logprobs', label: 'API with log-probabilities', level: 'AL2' },
  { id: 'reasoning_traces', label: 'Reasoning traces', level: 'AL2' },
  { id: 'fine_tuning', label: 'Fine-tuning access', level: 'AL2' },
  { id: 'system_card_draft', label: 'Draft system card', level: 'AL1' },
  { id: 'harness_or_scaffold', label: 'Harness or scaffold provided', level: 'AL2' },
  { id: 'weights_secure_enclave', label: 'Weights in a secure enclave', level: 'AL3' },
  { id: 'activations_interpretability', label: 'Activations (interpretability)', level: 'AL3' },
] as const;
export type AccessKind = (typeof ACCESS_KINDS)[number]['id'];
export const ACCESS_KIND_IDS = ACCESS_KINDS.map((k) => k.id) as [AccessKind, ...AccessKind[]];

/** Where the access happens. */
export const ACCESS_ENVIRONMENTS = ['developer_cloud', 'government_on_premises', 'classified'] as const;
export type AccessEnvironment = (typeof ACCESS_ENVIRONMENTS)[number];

/** The protections the order lists for access terms, each recorded as a structured term (with the label the UI shows). */
export const TERMS_PROTECTIONS = [
  { id: 'confidentiality_nda', label: 'Confidentiality and non-disclosure' },
  { id: 'cybersecurity_requirements', label: 'Cybersecurity requirements of the environment' },
  { id: 'insider_risk_controls', label: 'Insider-risk controls' },
  { id: 'intellectual_property', label: 'Intellectual property' },
  { id: 'use_restrictions', label: 'Use restrictions' },
] as const;
export type TermsProtection = (typeof TERMS_PROTECTIONS)[number]['id'];
export const TERMS_PROTECTION_IDS = TERMS_PROTECTIONS.map((t) => t.id) as [TermsProtection, ...TermsProtection[]];

/** Who acknowledges a grant's terms: the developer giving access, the grantee receiving it. */
export const TERMS_SIDES = ['developer', 'grantee'] as const;
export type TermsSide = (typeof TERMS_SIDES)[number];

/** Where an access-log session comes from: the developer's own logs, or the grantee's record. */
export const SESSION_SOURCES = ['imported', 'recorded'] as const;
export type SessionSource = (typeof SESSION_SOURCES)[number];

/** Who nominated a trusted partner. */
export const NOMINATING_SIDES = ['developer', 'government'] as const;
export type NominatingSide = (typeof NOMINATING_SIDES)[number];

/** The release milestones, as the policy names them. */
export type Milestone = ReleaseMilestone;

/**
 * A deployment's access policy (ADR 0095): an admin's setting, applied on every read — the
 * window helper's policy (days, minimum | maximum, milestone) and the reminder offsets.
 */
export interface AccessPolicy extends AccessWindowPolicy {
  /** Days before each release milestone at which the developer and the grantees get a reminder. */
  readonly reminderOffsetsDays: readonly number[];
}

/** The seed's reading: at least 30 days before the general release; reminders 30, 14, 7 and 1 days before. */
export const DEFAULT_ACCESS_POLICY: AccessPolicy = Object.freeze({
  ...DEFAULT_ACCESS_WINDOW_POLICY,
  reminderOffsetsDays: Object.freeze([30, 14, 7, 1]),
});

export interface Problem {
  readonly path: string;
  readonly message: string;
}

/** What is wrong with an access policy (empty when nothing is): the window helper's checks, and the offsets. */
export function accessPolicyProblems(p: AccessPolicy): Problem[] {
  const problems: Problem[] = [];
  parsePolicy({ windowDays: p.windowDays, mode: p.mode, milestone: p.milestone }, '', problems);
  if (p.reminderOffsetsDays.length > 20) problems.push({ path: '/reminderOffsetsDays', message: 'at most 20 offsets' });
  p.reminderOffsetsDays.forEach((d, i) => {
    if (!Number.isInteger(d) || d < 0 || d > 365) problems.push({ path: `/reminderOffsetsDays/${i}`, message: 'must be a whole number of days from 0 to 365' });
  });
  return problems;
}

/** The policy as stored: offsets without repeats, largest first. */
export function normaliseAccessPolicy(p: AccessPolicy): AccessPolicy {
  return { ...p, reminderOffsetsDays: [...new Set(p.reminderOffsetsDays)].sort((a, b) => b - a) };
}

/** Budgets of a grant; each absent or a non-negative amount. */
export interface GrantBudgets {
  readonly queries?: number | null;
  readonly tokens?: number | null;
  readonly computeHours?: number | null;
}

/** What is wrong with a grant's budgets (the intervals are the window helper's to check). */
export function budgetProblems(b: GrantBudgets, base = ''): Problem[] {
  const problems: Problem[] = [];
  for (const [k, v] of [
    ['queries', b.queries],
    ['tokens', b.tokens],
    ['computeHours', b.computeHours],
  ] as const) {
    if (v === undefined || v === null) continue;
    if (!Number.isFinite(v) || v < 0) problems.push({ path: `${base}/budgets/${k}`, message: 'must be a non-negative number' });
    else if (k !== 'computeHours' && !Number.isInteger(v)) problems.push({ path: `${base}/budgets/${k}`, message: 'must be a whole number' });
  }
  return problems;
}

/** One structured term of a grant: which protection, and what it says. */
export interface Term {
  readonly protection: TermsProtection;
  readonly detail: string;
}

/** What is wrong with a set of terms: unknown protections, repeats, empty details. */
export function termsProblems(terms: readonly Term[], base = '/terms'): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  terms.forEach((t, i) => {
    if (!TERMS_PROTECTION_IDS.includes(t.protection))
      problems.push({ path: `${base}/${i}/protection`, message: `must be one of ${TERMS_PROTECTION_IDS.join(', ')}` });
    else if (seen.has(t.protection)) problems.push({ path: `${base}/${i}/protection`, message: `${t.protection} is given twice` });
    seen.add(t.protection);
    if (t.detail.trim() === '') problems.push({ path: `${base}/${i}/detail`, message: 'must say what the term is' });
  });
  return problems;
}
