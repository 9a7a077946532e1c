import type { FieldProblem } from '../errors';
import type { Practice } from './practice-catalogue';

/**
 * An organisation's statement about one voluntary practice (issue 12 "Voluntary standards and
 * reporting", ADR 0105). Pure: the clock is an argument, so "expired" is computed on read from
 * `now` and never stored.
 */
export const ATTESTATION_STATUSES = ['implemented', 'partial', 'planned', 'not_applicable'] as const;
export type AttestationStatus = (typeof ATTESTATION_STATUSES)[number];

/** Statuses that claim the practice is (at least partly) in place: they carry evidence where the practice requires it. */
export const CLAIMING_STATUSES: readonly AttestationStatus[] = ['implemented', 'partial'];

/** What evidence can be: a web link, a document reference, or an assessment engagement id in this clearinghouse. */
export const EVIDENCE_KINDS = ['link', 'document', 'assessment'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export interface Evidence {
  readonly kind: EvidenceKind;
  /** An https URL (`link`), a document reference (`document`), an assessment engagement id (`assessment`). */
  readonly ref: string;
  readonly title?: string | undefined;
}

export const REVIEW_DECISIONS = ['accepted', 'questioned'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/** `current` until the expiry date, `expired` from it on. */
export type AttestationStanding = 'current' | 'expired';

export interface AttestationClaim {
  readonly status: AttestationStatus;
  readonly evidence: readonly Evidence[];
  readonly expiresAt: Date;
  readonly statement?: string | undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** An attestation is a periodic statement: at most five years ahead. */
export const MAX_ATTESTATION_YEARS = 5;
const MS_PER_YEAR = 365.25 * 86_400_000;

/**
 * Every problem of a claim about `practice` (undefined: not in the current catalogue), named by
 * field: evidence missing where the practice requires it, evidence refs of the wrong shape, an
 * expiry not in the future, a `not_applicable` without a statement of why.
 */
export function attestationProblems(claim: AttestationClaim, practice: Practice | undefined, knownPracticeIds: readonly string[], now: Date): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!practice) problems.push({ path: '/practiceId', message: `not a practice of the current catalogue; known: ${knownPracticeIds.join(', ')}` });
  if (practice?.evidenceRequired && CLAIMING_STATUSES.includes(claim.status) && claim.evidence.length === 0)
    problems.push({ path: '/evidence', message: `is required: practice "${practice.id}" needs evidence for a status of ${claim.status}` });
  claim.evidence.forEach((e, i) => {
    const path = `/evidence/${i}/ref`;
    if (e.kind === 'link' && !/^https:\/\/\S+$/.test(e.ref)) problems.push({ path, message: 'a link must be an https URL' });
    if (e.kind === 'assessment' && !UUID.test(e.ref)) problems.push({ path, message: 'an assessment reference must be an engagement id (a UUID)' });
    if (e.ref.trim() === '') problems.push({ path, message: 'must not be empty' });
  });
  if (claim.status === 'not_applicable' && !claim.statement?.trim())
    problems.push({ path: '/statement', message: 'is required for not_applicable: say why the practice does not apply' });
  if (Number.isNaN(claim.expiresAt.getTime())) problems.push({ path: '/expiresAt', message: 'must be a date-time' });
  else if (claim.expiresAt.getTime() <= now.getTime()) problems.push({ path: '/expiresAt', message: 'must be in the future' });
  else if (claim.expiresAt.getTime() - now.getTime() > MAX_ATTESTATION_YEARS * MS_PER_YEAR)
    problems.push({ path: '/expiresAt', message: `must be at most ${MAX_ATTESTATION_YEARS} years ahead` });
  return problems;
}

/** Whether an attestation still stands at `now` (computed on read, never stored). */
export function attestationStanding(expiresAt: Date, now: Date): AttestationStanding {
  return expiresAt.getTime() <= now.getTime() ? 'expired' : 'current';
}

/** A review's problems: a `questioned` review says why. */
export function reviewProblems(decision: ReviewDecision, comment: string | undefined): FieldProblem[] {
  return decision === 'questioned' && !comment?.trim() ? [{ path: '/comment', message: 'is required when questioning an attestation' }] : [];
}
