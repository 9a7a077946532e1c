import type { AdvisoryContent } from '../../domain/advisory/content';
import { draftAdvisoryId } from '../../domain/advisory/id';
import { can } from '../../domain/policy/actions';
import { transition, type AdvisoryEvent, type AdvisoryState } from '../../domain/advisory/state';
import { AppError, notFound } from '../../domain/errors';
import { type Principal, viewerOf } from '../../domain/identity/principal';
import type { Tlp } from '../../domain/policy/marking';
import { insertAdvisories, lockVisibleAdvisory, type AdvisoryRow, updateAdvisory } from '../../store/advisories/queries';
import type { Tx } from '../../store/database';
import { markingOf, markingRow } from '../../store/visibility';
import { actorOf } from '../actor';
import type { ServiceContext } from '../context';
import { type MarkingInput, markingFor } from '../markings';
import { type Record_, write } from '../unit-of-work';
import { assertContent } from '../../domain/advisory/content-rules';
import { advisoryEventData, advisoryView, type AdvisoryView } from './view';

/** What a coordinator (or a coordination case, later) drafts. */
export interface AdvisoryDraftInput {
  readonly content: AdvisoryContent;
  /** Default TLP:AMBER, owned by the drafter's organisation; vendors go on the access list. */
  readonly marking?: MarkingInput | undefined;
  /** The coordination case the advisory comes from, when there is one. */
  readonly caseId?: string | null | undefined;
}

export const DEFAULT_DRAFT_MARKING: MarkingInput = { tlp: 'AMBER+STRICT' };

/** The labels a draft may carry: those that open it to named organisations or users only (ADR 0003's table). */
export const DRAFT_TLPS: readonly Tlp[] = ['AMBER+STRICT', 'RED'];

/** FORBIDDEN unless `p` runs publication (analyst or admin of a coordinating organisation). */
export function assertCoordinator(p: Principal): void {
  if (!can(p, 'advisories.coordinate'))
    throw new AppError('FORBIDDEN', 'Only analysts and administrators of a coordinating organisation draft and publish advisories');
}

/** The next state, or CONFLICT naming the forbidden move (the state machine in domain/advisory). */
export function nextState(state: string, event: AdvisoryEvent): AdvisoryState {
  const r = transition(state as AdvisoryState, event);
  if (!r.ok) throw new AppError('CONFLICT', `The advisory is ${state}: ${r.error.message}`, [{ path: '/state', message: r.error.message }]);
  return r.state;
}

/** Locks an advisory the principal can see and coordinates, or NOT_FOUND / FORBIDDEN. */
export async function lockForCoordinator(tx: Tx, p: Principal, id: string): Promise<AdvisoryRow> {
  const row = await lockVisibleAdvisory(tx, viewerOf(p), id);
  if (!row) throw notFound('Advisory');
  assertCoordinator(p);
  return row;
}

async function draftMarking(tx: Tx, p: Principal, input: MarkingInput | undefined) {
  const marking = await markingFor(tx, p, input ?? DEFAULT_DRAFT_MARKING);
  // A CLEAR draft would be public before publication, a GREEN one open to every member
  // (TLP 2.0 GREEN: "the community"): a draft is seen by its coordinators and its access
  // list only, whatever it will be once published (ADR 0020, ADR 0021).
  if (!DRAFT_TLPS.includes(marking.tlp)) {
    throw new AppError('VALIDATION', 'A draft is under embargo', [
      { path: '/marking/tlp', message: `a draft is ${DRAFT_TLPS.join(', ')}; publication makes it CLEAR` },
    ]);
  }
  return marking;
}

/**
 * Drafts an advisory under embargo with an internal id (`AISC-DRAFT-<uuid>`): its public
 * `AISC-<year>-<n>` is allocated when it is published (ADR 0021), so public ids count
 * publications, not drafts. Callable by coordination cases with their `caseId`.
 */
export function createAdvisoryDraft(ctx: ServiceContext, p: Principal, input: AdvisoryDraftInput): Promise<AdvisoryView> {
  return write(ctx, actorOf(p), (tx, record) => createAdvisoryDraftIn(ctx, tx, record, p, input));
}

/** `createAdvisoryDraft` inside the caller's transaction (a case drafts its advisory and links it in one). */
export async function createAdvisoryDraftIn(ctx: ServiceContext, tx: Tx, record: Record_, p: Principal, input: AdvisoryDraftInput): Promise<AdvisoryView> {
  assertCoordinator(p);
  assertContent(input.content);
  const marking = await draftMarking(tx, p, input.marking);
  const now = ctx.now();
  const id = draftAdvisoryId(ctx.opaqueId());
  const row = {
    id,
    source: 'aisc',
    state: 'draft',
    title: input.content.title,
    cveId: input.content.cveId ?? null,
    content: input.content,
    caseId: input.caseId ?? null,
    ...markingRow(marking),
    createdAt: now,
    updatedAt: now,
  };
  await insertAdvisories(tx, [row]);
  const after = (await lockVisibleAdvisory(tx, viewerOf(p), id))!;
  record({
    action: 'advisory.drafted',
    recordType: 'advisory',
    recordId: id,
    before: null,
    after: advisoryView(after),
    marking,
    data: advisoryEventData(after),
  });
  return advisoryView(after);
}

/** Edits a draft or scheduled advisory (its content and, optionally, its marking). */
export async function updateAdvisoryDraft(ctx: ServiceContext, p: Principal, id: string, patch: Partial<AdvisoryDraftInput>): Promise<AdvisoryView> {
  if (patch.content) assertContent(patch.content);
  return write(ctx, actorOf(p), async (tx, record) => {
    const before = await lockForCoordinator(tx, p, id);
    if (before.source !== 'aisc') throw new AppError('CONFLICT', 'Imported advisories change by re-import', [{ path: '/source', message: 'imported' }]);
    const state = nextState(before.state, 'edit');
    const marking = patch.marking
      ? { ...(await draftMarking(tx, p, patch.marking)), ownerOrganisationId: before.ownerOrganisationId, createdBy: before.createdBy }
      : markingOf(before);
    const content = patch.content ?? (before.content as AdvisoryContent);
    const after = await updateAdvisory(tx, before.id, {
      state,
      title: content.title,
      cveId: content.cveId ?? null,
      content,
      ...(patch.caseId !== undefined ? { caseId: patch.caseId } : {}),
      ...markingRow(marking),
      updatedAt: ctx.now(),
    });
    record({
      action: 'advisory.updated',
      recordType: 'advisory',
      recordId: before.id,
      before: advisoryView(before),
      after: advisoryView(after),
      marking,
      data: advisoryEventData(after),
    });
    return advisoryView(after);
  });
}
