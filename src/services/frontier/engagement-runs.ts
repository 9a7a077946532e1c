import { AppError, notFound } from '../../domain/errors';
import { type EngagementState, isEngagementEnded } from '../../domain/frontier/engagement-states';
import type { Principal } from '../../domain/identity/principal';
import type { Tx } from '../../store/database';
import { deleteEngagementRun, insertEngagementRun } from '../../store/frontier/assessments';
import { findVisibleRun } from '../../store/frontier/evaluations';
import { higherClassification, stricterTlp } from '../../domain/policy/marking';
import { viewerOf } from '../../domain/identity/principal';
import { markingOf, markingRow } from '../../store/visibility';
import { actorOf } from '../actor';
import type { ServiceContext } from '../context';
import type { Record_ } from '../unit-of-work';
import { write } from '../unit-of-work';
import { engagementForUpdate, partiesOf } from './engagement-parties';
import { runLinkView } from './engagement-views';

/**
 * Links an evaluation run to an engagement INSIDE the caller's transaction (`write`'s `tx` and
 * `record`): the Inspect import calls this so a run and its link commit together. The assessor
 * or the commissioner links, while the engagement has not ended. Linking twice is a no-op
 * (returns false, records nothing). The run must be one the linker may see, of the engagement's
 * model version.
 */
export async function linkRunInTx(tx: Tx, record: Record_, p: Principal, engagementId: string, runId: string, now: Date): Promise<boolean> {
  const e = await engagementForUpdate(tx, p, engagementId);
  const parties = partiesOf(p, e);
  if (!parties.has('assessor') && !parties.has('commissioner')) throw new AppError('FORBIDDEN', 'Only the assessor or the commissioner links runs');
  if (isEngagementEnded(e.state as EngagementState))
    throw new AppError('CONFLICT', `An engagement that is ${e.state} takes no new runs`, [{ path: '/runId', message: 'the engagement has ended' }]);
  // The run must be one the linker may see (the policy module), and evidence about this engagement's version.
  const run = await findVisibleRun(tx, viewerOf(p), runId);
  if (!run) throw notFound('Evaluation run');
  if (run.versionId !== e.versionId)
    throw new AppError('VALIDATION', 'The run is not of the engagement’s model version', [
      { path: '/runId', message: 'the run tested a checkpoint of another model version than the engagement assesses' },
    ]);
  // Evidence comes from the engagement's parties: a run whose importer (or audience) is outside
  // them could not be named to all of them.
  const partyOrganisations = new Set([e.commissioningOrganisationId, e.assessorOrganisationId, e.developerOrganisationId]);
  if (![run.ownerOrganisationId, ...run.accessOrganisations].every((o) => partyOrganisations.has(o)))
    throw new AppError('VALIDATION', 'The run is not the engagement parties’ evidence', [
      { path: '/runId', message: 'a run imported or shared outside the engagement’s parties cannot be linked to it' },
    ]);
  // The link names both the run and the engagement, so it goes to those who see the run — all of
  // them parties of the engagement — at the stricter label and higher classification of the two.
  const runMarking = markingOf(run);
  const engagementMarking = markingOf(e);
  const marking = {
    ...runMarking,
    createdBy: p.userId,
    tlp: stricterTlp(runMarking.tlp, engagementMarking.tlp),
    classification: higherClassification(runMarking.classification, engagementMarking.classification),
  };
  const r = await insertEngagementRun(tx, { engagementId: e.id, runId, linkedBy: p.userId, ...markingRow(marking), linkedAt: now });
  if (!r) return false;
  record({
    action: 'assessment_run.linked',
    recordType: 'assessment_engagement',
    recordId: e.id,
    before: null,
    after: r,
    marking: markingOf(r),
    data: { engagementId: e.id, runId },
  });
  return true;
}

/** `POST /api/frontier/engagements/:id/runs/:runId`: links a run the caller may see to the engagement. */
export async function linkRun(ctx: ServiceContext, p: Principal, engagementId: string, runId: string) {
  return write(ctx, actorOf(p), async (tx, record) => {
    const now = ctx.now();
    await linkRunInTx(tx, record, p, engagementId, runId, now);
    return { engagementId, runId };
  });
}

/** Takes a run off an engagement (the assessor or the commissioner). */
export async function unlinkRun(ctx: ServiceContext, p: Principal, engagementId: string, runId: string): Promise<void> {
  await write(ctx, actorOf(p), async (tx, record) => {
    const e = await engagementForUpdate(tx, p, engagementId);
    const parties = partiesOf(p, e);
    if (!parties.has('assessor') && !parties.has('commissioner')) throw new AppError('FORBIDDEN', 'Only the assessor or the commissioner unlinks runs');
    const r = await deleteEngagementRun(tx, e.id, runId);
    if (!r) throw notFound('Run link');
    record({
      action: 'assessment_run.unlinked',
      recordType: 'assessment_engagement',
      recordId: e.id,
      before: runLinkView(r),
      after: null,
      marking: markingOf(r),
      data: { engagementId: e.id, runId },
    });
  });
}
