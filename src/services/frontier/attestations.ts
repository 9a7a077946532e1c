import {
  type AttestationClaim,
  type AttestationStatus,
  attestationProblems,
  attestationStanding,
  type Evidence,
  type ReviewDecision,
  reviewProblems,
} from '../../domain/frontier/attestation';
import { practiceOf } from '../../domain/frontier/practice-catalogue';
import { AppError, notFound } from '../../domain/errors';
import type { Principal } from '../../domain/identity/principal';
import { viewerOf } from '../../domain/identity/principal';
import { can } from '../../domain/policy/actions';
import type { Marking } from '../../domain/policy/marking';
import type { Viewer } from '../../domain/policy/viewer';
import type { Tx } from '../../store/database';
import {
  type AttestationRow,
  findAttestationOf,
  findVisibleAttestation,
  insertAttestation,
  listVisibleAttestations,
  updateAttestation,
} from '../../store/frontier/standards';
import type { AttestationHistoryEntry } from '../../store/schema/frontier-standards';
import { markingOf, markingRow } from '../../store/visibility';
import { actorOf } from '../actor';
import type { ServiceContext } from '../context';
import { type Record_, write } from '../unit-of-work';
import { currentPracticeCatalogue } from './practices';

export interface AttestationInput {
  readonly practiceId: string;
  readonly status: AttestationStatus;
  readonly evidence: readonly Evidence[];
  readonly expiresAt: Date;
  readonly statement?: string | undefined;
}

/**
 * Whose an attestation is (ADR 0105): the attesting organisation's, shared with the
 * clearinghouse's coordinators (who review it). Nobody else sees it: others get 404, and the
 * published scorecards show it only inside aggregates.
 */
export const attestationMarking = (organisationId: string, createdBy: string | null): Marking => ({
  ownerOrganisationId: organisationId,
  createdBy,
  tlp: 'AMBER+STRICT',
  classification: 'UNCLASSIFIED',
  accessOrganisations: [],
  accessUsers: [],
  coordinators: true,
});

/** The attestation as the API shows it; `standing` is computed from `now`, never stored. */
export function attestationView(a: AttestationRow, now: Date) {
  return {
    id: a.id,
    organisationId: a.ownerOrganisationId,
    practiceId: a.practiceId,
    catalogueVersion: a.catalogueVersion,
    status: a.status as AttestationStatus,
    evidence: a.evidence.map((e) => ({ kind: e.kind as Evidence['kind'], ref: e.ref, title: e.title ?? null })),
    statement: a.statement,
    expiresAt: a.expiresAt.toISOString(),
    standing: attestationStanding(a.expiresAt, now),
    review: a.reviewDecision
      ? {
          decision: a.reviewDecision as ReviewDecision,
          comment: a.reviewComment ?? '',
          reviewedBy: a.reviewedBy,
          reviewedAt: a.reviewedAt?.toISOString() ?? null,
        }
      : null,
    history: a.history,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}
export type AttestationView = ReturnType<typeof attestationView>;

const eventData = (a: AttestationRow) => ({
  id: a.id,
  organisationId: a.ownerOrganisationId,
  practiceId: a.practiceId,
  catalogueVersion: a.catalogueVersion,
  status: a.status,
  expiresAt: a.expiresAt.toISOString(),
});

const snapshot = (a: AttestationRow, event: AttestationHistoryEntry['event'], at: Date, by: string | null): AttestationHistoryEntry => ({
  event,
  at: at.toISOString(),
  by,
  status: a.status,
  evidence: a.evidence,
  statement: a.statement,
  expiresAt: a.expiresAt.toISOString(),
  catalogueVersion: a.catalogueVersion,
  review: a.reviewDecision ? { decision: a.reviewDecision, comment: a.reviewComment ?? '' } : null,
});

/** Checks a claim against the current catalogue (every bad field at once); answers the catalogue version it holds against. */
async function checkedClaim(ctx: ServiceContext, tx: Tx, practiceId: string, claim: AttestationClaim): Promise<string> {
  const catalogue = await currentPracticeCatalogue(tx);
  const problems = attestationProblems(
    claim,
    practiceOf(catalogue, practiceId),
    catalogue.practices.map((p) => p.id),
    ctx.now(),
  );
  if (problems.length) throw new AppError('VALIDATION', 'The attestation is not valid', problems);
  return catalogue.version;
}

const evidenceRows = (evidence: readonly Evidence[]) => evidence.map((e) => ({ kind: e.kind, ref: e.ref.trim(), ...(e.title ? { title: e.title } : {}) }));

function recordChange(
  record: Record_,
  action: 'frontier_attestation.recorded' | 'frontier_attestation.changed',
  before: AttestationRow | null,
  after: AttestationRow,
) {
  record({ action, recordType: 'frontier_attestation', recordId: after.id, before, after, marking: markingOf(after), data: eventData(after) });
}

/**
 * Attests one practice for the caller's organisation (its writers): evidence where the practice
 * requires it, an expiry in the future. One attestation per organisation and practice: a second
 * is a CONFLICT (change the first instead).
 */
export async function attest(ctx: ServiceContext, p: Principal, input: AttestationInput): Promise<AttestationView> {
  if (!can(p, 'frontier.attest', { organisationId: p.organisationId })) throw new AppError('FORBIDDEN', "Attestations are made by the organisation's writers");
  return write(ctx, actorOf(p), async (tx, record) => {
    const catalogueVersion = await checkedClaim(ctx, tx, input.practiceId, input);
    if (await findAttestationOf(tx, p.organisationId, input.practiceId))
      throw new AppError('CONFLICT', 'Your organisation has attested this practice already', [
        { path: '/practiceId', message: 'already attested: change that attestation' },
      ]);
    const now = ctx.now();
    const a = await insertAttestation(tx, {
      id: ctx.newId(),
      practiceId: input.practiceId,
      catalogueVersion,
      status: input.status,
      evidence: evidenceRows(input.evidence),
      statement: input.statement?.trim() ?? '',
      expiresAt: input.expiresAt,
      history: [],
      ...markingRow(attestationMarking(p.organisationId, p.userId)),
      createdAt: now,
      updatedAt: now,
    });
    recordChange(record, 'frontier_attestation.recorded', null, a);
    return attestationView(a, now);
  });
}

/**
 * Replaces an attestation's statement (status, evidence, expiry, statement), checked against the
 * current catalogue; the earlier statement and its review go to the history, and the review is
 * cleared (a changed statement has not been reviewed).
 */
export async function changeAttestation(ctx: ServiceContext, p: Principal, id: string, input: Omit<AttestationInput, 'practiceId'>): Promise<AttestationView> {
  return write(ctx, actorOf(p), async (tx, record) => {
    const before = await findVisibleAttestation(tx, viewerOf(p), id, true);
    if (!before) throw notFound('Attestation');
    if (!can(p, 'frontier.attest', { organisationId: before.ownerOrganisationId }))
      throw new AppError('FORBIDDEN', "Only the attesting organisation's writers change an attestation");
    const catalogueVersion = await checkedClaim(ctx, tx, before.practiceId, input);
    const now = ctx.now();
    const after = await updateAttestation(tx, id, {
      catalogueVersion,
      status: input.status,
      evidence: evidenceRows(input.evidence),
      statement: input.statement?.trim() ?? '',
      expiresAt: input.expiresAt,
      reviewDecision: null,
      reviewComment: null,
      reviewedBy: null,
      reviewedAt: null,
      history: [...before.history, snapshot(before, before.history.length === 0 ? 'attested' : 'changed', before.updatedAt, before.createdBy)],
      updatedAt: now,
    });
    recordChange(record, 'frontier_attestation.changed', before, after);
    return attestationView(after, now);
  });
}

/** Reviews an attestation (the clearinghouse's staff): accepted, or questioned with a comment. */
export async function reviewAttestation(
  ctx: ServiceContext,
  p: Principal,
  id: string,
  input: { decision: ReviewDecision; comment?: string | undefined },
): Promise<AttestationView> {
  return write(ctx, actorOf(p), async (tx, record) => {
    const before = await findVisibleAttestation(tx, viewerOf(p), id, true);
    if (!before) throw notFound('Attestation');
    if (!can(p, 'frontier.review-attestation')) throw new AppError('FORBIDDEN', "Attestations are reviewed by the clearinghouse's staff");
    const problems = reviewProblems(input.decision, input.comment);
    if (problems.length) throw new AppError('VALIDATION', 'The review is not valid', problems);
    const now = ctx.now();
    const after = await updateAttestation(tx, id, {
      reviewDecision: input.decision,
      reviewComment: input.comment?.trim() ?? '',
      reviewedBy: p.userId,
      reviewedAt: now,
      history: before.reviewDecision
        ? [...before.history, snapshot(before, 'reviewed', before.reviewedAt ?? before.updatedAt, before.reviewedBy)]
        : before.history,
      updatedAt: now,
    });
    record({
      action: 'frontier_attestation.reviewed',
      recordType: 'frontier_attestation',
      recordId: id,
      before,
      after,
      marking: markingOf(after),
      data: { ...eventData(after), decision: input.decision },
    });
    return attestationView(after, now);
  });
}

export async function getAttestation(ctx: ServiceContext, viewer: Viewer, id: string): Promise<AttestationView> {
  const a = await findVisibleAttestation(ctx.db, viewer, id);
  if (!a) throw notFound('Attestation');
  return attestationView(a, ctx.now());
}

/** Attestations the caller may see (its own organisation's; the coordinators see all), optionally of one organisation. */
export async function listAttestations(ctx: ServiceContext, viewer: Viewer, q: { organisationId?: string | undefined; limit: number; offset: number }) {
  const { items, total } = await listVisibleAttestations(ctx.db, viewer, q);
  const now = ctx.now();
  return { items: items.map((a) => attestationView(a, now)), total };
}
