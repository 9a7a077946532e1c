import { AppError, type FieldProblem, notFound } from '../../domain/errors';
import { type Principal, viewerOf } from '../../domain/identity/principal';
import type { Marking } from '../../domain/policy/marking';
import { can } from '../../domain/policy/actions';
import type { Viewer } from '../../domain/policy/viewer';
import { factProblems, type Modality, type ReleaseChannel } from '../../domain/frontier/registry';
import { releasePlanProblems } from '../../domain/frontier/registry-checks';
import type { Tx } from '../../store/database';
import {
  countVisibleModels,
  findVisibleModel,
  insertModel,
  insertVersion,
  listVisibleModels,
  listVisibleVersions,
  lockVisibleVersion,
  type ModelFilter,
  updateModel,
  updateVersion,
} from '../../store/frontier/models';
import type { FrontierModelRow } from '../../store/frontier/versions';
import { markingOf, markingRow } from '../../store/visibility';
import { actorOf } from '../actor';
import type { ServiceContext } from '../context';
import { type MarkingInput, markingFor } from '../markings';
import { type Record_, write } from '../unit-of-work';
import { assertSpeaksFor } from './developer';
import { declareFactsIn, type FactInput } from './facts';
import { type ModelView, modelView, type VersionView, versionView } from './views';

/**
 * A developer's unreleased model is its own business and the clearinghouse's (ADR 0085): unless
 * the developer says otherwise, a model is TLP:AMBER+STRICT to its organisation, shared with the
 * coordinators, who route coverage inquiries and reviews.
 */
export const DEFAULT_MODEL_MARKING: MarkingInput = Object.freeze({ tlp: 'AMBER+STRICT', coordinators: true });

export interface VersionInput {
  readonly version: string;
  readonly releaseChannels?: readonly ReleaseChannel[] | undefined;
  readonly plannedTrustedPartnerRelease?: string | null | undefined;
  readonly plannedGeneralRelease?: string | null | undefined;
  /** Defaults to the model's marking. */
  readonly marking?: MarkingInput | undefined;
  /** Facts declared with the version, in the same transaction. */
  readonly facts?: readonly FactInput[] | undefined;
}

export interface ModelInput {
  readonly name: string;
  readonly family?: string | null | undefined;
  readonly description?: string | undefined;
  readonly modalities?: readonly Modality[] | undefined;
  readonly marking?: MarkingInput | undefined;
  readonly versions?: readonly VersionInput[] | undefined;
}

export interface VersionPatch {
  readonly releaseChannels?: readonly ReleaseChannel[] | undefined;
  readonly plannedTrustedPartnerRelease?: string | null | undefined;
  readonly plannedGeneralRelease?: string | null | undefined;
  readonly releasedAt?: string | null | undefined;
}

export type ModelDetail = ModelView & { versions: VersionView[] };

const date = (s: string | null | undefined): Date | null => (s ? new Date(s) : null);

/** Every problem of a version's input that can be seen without the database (release plan, facts). */
function versionProblems(v: VersionInput, base: string): FieldProblem[] {
  const plan = releasePlanProblems({
    plannedTrustedPartnerRelease: date(v.plannedTrustedPartnerRelease),
    plannedGeneralRelease: date(v.plannedGeneralRelease),
  });
  return [...plan.map((x) => ({ ...x, path: base + x.path })), ...(v.facts ?? []).flatMap((f, i) => factProblems(f, `${base}/facts/${i}`))];
}

async function addVersionIn(
  ctx: ServiceContext,
  tx: Tx,
  record: Record_,
  p: Principal,
  model: FrontierModelRow,
  v: VersionInput,
  base: string,
): Promise<VersionView> {
  const marking: Marking = v.marking ? await markingFor(tx, p, v.marking, `${base}/marking`) : markingOf(model);
  const now = ctx.now();
  const row = await insertVersion(tx, {
    id: ctx.newId(),
    modelId: model.id,
    version: v.version,
    releaseChannels: [...new Set(v.releaseChannels ?? [])],
    plannedTrustedPartnerRelease: date(v.plannedTrustedPartnerRelease),
    plannedGeneralRelease: date(v.plannedGeneralRelease),
    ...markingRow(marking),
    createdAt: now,
    updatedAt: now,
  });
  const view = versionView(row);
  record({
    action: 'frontier_version.created',
    recordType: 'frontier_version',
    recordId: row.id,
    before: null,
    after: view,
    marking,
    data: { id: row.id, modelId: model.id, version: row.version },
  });
  if (v.facts?.length) await declareFactsIn(ctx, tx, record, row, v.facts, `${base}/facts`);
  return view;
}

/**
 * Registers a model (and, optionally, its first versions with their facts) in one
 * transaction: every bad field of the whole document is named, and nothing is written.
 */
export async function createModel(ctx: ServiceContext, p: Principal, input: ModelInput): Promise<ModelDetail> {
  if (!can(p, 'records.write')) throw new AppError('FORBIDDEN', 'Your role or token cannot write');
  const problems = (input.versions ?? []).flatMap((v, i) => versionProblems(v, `/versions/${i}`));
  const labels = new Set<string>();
  for (const [i, v] of (input.versions ?? []).entries()) {
    if (labels.has(v.version)) problems.push({ path: `/versions/${i}/version`, message: 'this version is listed twice' });
    labels.add(v.version);
  }
  if (problems.length) throw new AppError('VALIDATION', 'The model is not valid', problems);
  return write(ctx, actorOf(p), async (tx, record) => {
    const marking = await markingFor(tx, p, input.marking ?? DEFAULT_MODEL_MARKING);
    const now = ctx.now();
    const row = await insertModel(tx, {
      id: ctx.newId(),
      name: input.name,
      family: input.family ?? null,
      description: input.description ?? '',
      modalities: [...new Set(input.modalities ?? [])],
      ...markingRow(marking),
      createdAt: now,
      updatedAt: now,
    });
    const view = modelView(row);
    record({
      action: 'frontier_model.created',
      recordType: 'frontier_model',
      recordId: row.id,
      before: null,
      after: view,
      marking,
      data: { id: row.id, name: row.name },
    });
    const versions: VersionView[] = [];
    for (const [i, v] of (input.versions ?? []).entries()) versions.push(await addVersionIn(ctx, tx, record, p, row, v, `/versions/${i}`));
    return { ...view, versions };
  });
}

/** Changes a model's name, family, description, modalities or marking (a writer of its developer). */
export async function updateModelDetails(ctx: ServiceContext, p: Principal, id: string, patch: Partial<Omit<ModelInput, 'versions'>>): Promise<ModelView> {
  return write(ctx, actorOf(p), async (tx, record) => {
    const before = await findVisibleModel(tx, viewerOf(p), id, true);
    if (!before) throw notFound('Model');
    assertSpeaksFor(p, before);
    const marking = patch.marking
      ? { ...(await markingFor(tx, p, patch.marking)), ownerOrganisationId: before.ownerOrganisationId, createdBy: before.createdBy }
      : markingOf(before);
    const after = await updateModel(tx, id, {
      name: patch.name ?? before.name,
      family: patch.family === undefined ? before.family : patch.family,
      description: patch.description ?? before.description,
      modalities: patch.modalities ? [...new Set(patch.modalities)] : before.modalities,
      ...markingRow(marking),
      updatedAt: ctx.now(),
    });
    const view = modelView(after);
    record({
      action: 'frontier_model.updated',
      recordType: 'frontier_model',
      recordId: id,
      before: modelView(before),
      after: view,
      marking,
      data: { id, name: after.name },
    });
    return view;
  });
}

/** Adds a version to a model (a writer of its developer). */
export async function addVersion(ctx: ServiceContext, p: Principal, modelId: string, input: VersionInput): Promise<VersionView> {
  const problems = versionProblems(input, '');
  if (problems.length) throw new AppError('VALIDATION', 'The version is not valid', problems);
  return write(ctx, actorOf(p), async (tx, record) => {
    const model = await findVisibleModel(tx, viewerOf(p), modelId, true);
    if (!model) throw notFound('Model');
    assertSpeaksFor(p, model);
    return addVersionIn(ctx, tx, record, p, model, input, '');
  });
}

/** Changes a version's release plan (channels, planned dates, actual release). */
export async function updateVersionPlan(ctx: ServiceContext, p: Principal, id: string, patch: VersionPatch): Promise<VersionView> {
  return write(ctx, actorOf(p), async (tx, record) => {
    const found = await lockVisibleVersion(tx, viewerOf(p), id);
    if (!found) throw notFound('Version');
    const before = found.version;
    assertSpeaksFor(p, found.model);
    const pick = (v: string | null | undefined, old: Date | null) => (v === undefined ? old : date(v));
    const next = {
      releaseChannels: patch.releaseChannels ? [...new Set(patch.releaseChannels)] : before.releaseChannels,
      plannedTrustedPartnerRelease: pick(patch.plannedTrustedPartnerRelease, before.plannedTrustedPartnerRelease),
      plannedGeneralRelease: pick(patch.plannedGeneralRelease, before.plannedGeneralRelease),
      releasedAt: pick(patch.releasedAt, before.releasedAt),
    };
    const problems = releasePlanProblems(next);
    if (problems.length) throw new AppError('VALIDATION', 'The release plan is not valid', problems);
    const after = await updateVersion(tx, id, { ...next, updatedAt: ctx.now() });
    const view = versionView(after);
    record({
      action: 'frontier_version.updated',
      recordType: 'frontier_version',
      recordId: id,
      before: versionView(before),
      after: view,
      marking: markingOf(after),
      data: { id, modelId: after.modelId, version: after.version },
    });
    return view;
  });
}

/** One model with the versions the viewer may see. */
export async function getModel(ctx: ServiceContext, viewer: Viewer, id: string): Promise<ModelDetail> {
  const m = await findVisibleModel(ctx.db, viewer, id);
  if (!m) throw notFound('Model');
  const versions = await listVisibleVersions(ctx.db, viewer, id);
  return { ...modelView(m), versions: versions.map(versionView) };
}

export async function searchModels(ctx: ServiceContext, viewer: Viewer, f: ModelFilter): Promise<{ items: ModelView[]; total: number }> {
  const r = await listVisibleModels(ctx.db, viewer, f);
  return { items: r.items.map(modelView), total: r.total };
}

export const countModels = (ctx: ServiceContext, viewer: Viewer, f: Omit<ModelFilter, 'limit' | 'offset'> = {}): Promise<number> =>
  countVisibleModels(ctx.db, viewer, f);
