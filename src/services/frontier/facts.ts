import { AppError, notFound } from '../../domain/errors';
import { type Principal, viewerOf } from '../../domain/identity/principal';
import type { Viewer } from '../../domain/policy/viewer';
import { type FactMethod, factProblems } from '../../domain/frontier/registry';
import type { FactSet } from '../../domain/frontier/facts';
import { currentFacts, factSetOf } from '../../domain/frontier/registry-checks';
import type { Executor, Tx } from '../../store/database';
import { lockVisibleVersion } from '../../store/frontier/models';
import { insertFacts, listVisibleFacts } from '../../store/frontier/records';
import { findVisibleVersion, type FrontierVersionRow } from '../../store/frontier/versions';
import { markingOf, markingRow } from '../../store/visibility';
import { actorOf } from '../actor';
import type { ServiceContext } from '../context';
import { type Record_, write } from '../unit-of-work';
import { evaluateVersionIn } from './evaluation';
import { assertSpeaksFor } from './developer';
import { type FactView, factView } from './views';

/** One fact as a developer declares it (research §1.2: every attribute carries its provenance). */
export interface FactInput {
  readonly key: string;
  readonly value: number | boolean;
  readonly unit: string;
  readonly method: FactMethod;
  readonly confidence?: number | null | undefined;
  readonly source?: string | undefined;
  readonly asOf?: string | null | undefined;
  readonly benchmarkVersion?: string | null | undefined;
}

/**
 * Declares facts about a version inside the caller's transaction: all are checked first
 * (`/facts/3/unit`…), then each becomes a new row (history is never overwritten), marked like
 * the version, and the version is evaluated again against every rule set (same transaction).
 */
export async function declareFactsIn(
  ctx: ServiceContext,
  tx: Tx,
  record: Record_,
  version: FrontierVersionRow,
  facts: readonly FactInput[],
  base = '/facts',
): Promise<void> {
  const problems = facts.flatMap((f, i) => factProblems(f, `${base}/${i}`));
  if (problems.length) throw new AppError('VALIDATION', 'The facts are not valid', problems);
  const marking = markingOf(version);
  const now = ctx.now();
  const rows = await insertFacts(
    tx,
    facts.map((f) => ({
      id: ctx.newId(),
      versionId: version.id,
      key: f.key,
      value: f.value,
      unit: f.unit,
      method: f.method,
      confidence: f.confidence ?? null,
      source: f.source ?? '',
      asOf: f.asOf ? new Date(f.asOf) : null,
      benchmarkVersion: f.benchmarkVersion ?? null,
      ...markingRow(marking),
      recordedAt: now,
    })),
  );
  for (const r of rows) {
    record({
      action: 'frontier_fact.declared',
      recordType: 'frontier_fact',
      recordId: r.id,
      before: null,
      after: factView(r),
      marking,
      data: { id: r.id, versionId: r.versionId, key: r.key },
    });
  }
  await evaluateVersionIn(ctx, tx, record, version, 'fact_change');
}

/** Declares one or many facts about a version (a writer of its developer); answers the current facts. */
export async function declareFacts(ctx: ServiceContext, p: Principal, versionId: string, facts: readonly FactInput[]): Promise<FactView[]> {
  if (facts.length === 0) throw new AppError('VALIDATION', 'Declare at least one fact', [{ path: '/facts', message: 'must not be empty' }]);
  await write(ctx, actorOf(p), async (tx, record) => {
    const found = await lockVisibleVersion(tx, viewerOf(p), versionId);
    if (!found) throw notFound('Version');
    assertSpeaksFor(p, found.model);
    await declareFactsIn(ctx, tx, record, found.version, facts);
  });
  return listCurrentFacts(ctx, viewerOf(p), versionId);
}

/** The current fact of every key of a version (the newest declaration), sorted by key. */
export async function listCurrentFacts(ctx: ServiceContext, viewer: Viewer, versionId: string): Promise<FactView[]> {
  if (!(await findVisibleVersion(ctx.db, viewer, versionId))) throw notFound('Version');
  return currentFacts(await listVisibleFacts(ctx.db, viewer, versionId)).map(factView);
}

/** Every declaration of one fact key of a version, oldest first. */
export async function factHistory(ctx: ServiceContext, viewer: Viewer, versionId: string, key: string): Promise<FactView[]> {
  if (!(await findVisibleVersion(ctx.db, viewer, versionId))) throw notFound('Version');
  return (await listVisibleFacts(ctx.db, viewer, versionId, key)).map(factView);
}

/**
 * The fact set the rule engine reads for a version, from its current facts as `viewer` sees
 * them (the system sees all). Other helpers (designation) read it through here.
 */
export async function factSetOfVersion(db: Executor, viewer: Viewer, versionId: string): Promise<FactSet> {
  return factSetOf(currentFacts(await listVisibleFacts(db, viewer, versionId)));
}
