import { sha256Hex } from '../../domain/audit/canonical';
import { canonicalJson } from '../../standards/jcs/canonical-json';
import { AppError, type FieldProblem } from '../../domain/errors';
import type { Principal } from '../../domain/identity/principal';
import type { Marking } from '../../domain/policy/marking';
import { SYSTEM } from '../../domain/policy/viewer';
import { cveAliasOf, releaseDates } from '../../standards/convert/index';
import type { OsvRecord } from '../../standards/osv/index';
import { importStateOf, insertAdvisories, insertRevisions, updateAdvisory } from '../../store/advisories/queries';
import type { Tx } from '../../store/database';
import { coordinatorOrganisationIds } from '../../store/organisations';
import { markingRow } from '../../store/visibility';
import { type Actor, actorOf, CLI_ACTOR } from '../actor';
import type { ServiceContext } from '../context';
import { type Record_, write } from '../unit-of-work';
import { assertCoordinator } from './drafting';
import { withoutUnsafeLinks } from './import-links';
import type { ImportItem } from './import-read';

export interface ImportCounts {
  created: number;
  revised: number;
  unchanged: number;
  rejected: number;
}

export interface ImportRejection {
  readonly location: string;
  readonly id: string | null;
  readonly problems: readonly FieldProblem[];
}

export interface ImportResult extends ImportCounts {
  readonly rejections: ImportRejection[];
  /** Records imported with something left out (links we do not publish), each with what and why. */
  readonly warnings: ImportRejection[];
}

interface Importer {
  readonly actor: Actor;
  readonly marking: Marking;
}

const BATCH = 500;
const TITLE_MAX = 300;

/** A title for records without a summary (PyPA's often have none): the first line of details, else the id. */
function titleOf(r: OsvRecord): string {
  const text = (r.summary ?? r.details?.split('\n').find((l) => l.trim()) ?? r.id).trim();
  return text.length > TITLE_MAX ? `${text.slice(0, TITLE_MAX - 1)}…` : text;
}

const dateOf = (s: string) => new Date(s);

/** Columns that follow from an imported OSV document. */
function columnsOf(r: OsvRecord) {
  const { initial, current } = releaseDates(r);
  return {
    state: r.withdrawn ? 'withdrawn' : 'published',
    title: titleOf(r),
    cveId: cveAliasOf(r) ?? null,
    osv: r,
    publishedAt: dateOf(initial),
    modifiedAt: dateOf(current),
    withdrawnAt: r.withdrawn ? dateOf(r.withdrawn) : null,
  };
}

/**
 * An imported record published in the future is refused, not imported as public at once:
 * import brings in what is already public elsewhere, and a record dated ahead is either
 * still under its source's embargo or mis-dated. Import it again once it is out (import is
 * idempotent). Scheduling a foreign record would need an embargo of its own (ADR 0021).
 */
function futureProblems(r: OsvRecord, now: Date): FieldProblem[] {
  const { initial } = releaseDates(r);
  if (Date.parse(initial) <= now.getTime()) return [];
  const path = r.published ? '/published' : '/modified';
  return [{ path, message: `dated ${initial}, after now (${now.toISOString()}): not public yet; import it once it is published` }];
}

/** One transaction for a batch: new records inserted, changed ones revised, the same ones left alone. */
async function importBatch(
  ctx: ServiceContext,
  who: Importer,
  batch: readonly ImportItem[],
  counts: ImportCounts,
  rejections: ImportRejection[],
): Promise<void> {
  const delta: ImportCounts = { created: 0, revised: 0, unchanged: 0, rejected: 0 };
  const rejected: ImportRejection[] = [];
  await write(ctx, who.actor, async (tx: Tx, record: Record_) => {
    const existing = new Map(
      (
        await importStateOf(
          tx,
          SYSTEM,
          batch.map((b) => b.id!),
        )
      ).map((e) => [e.id, e]),
    );
    const now = ctx.now();
    const fresh = [];
    const revisions = [];
    for (const it of batch) {
      // The hash is the source's (re-importing it changes nothing); what is stored is what we publish.
      const hash = sha256Hex(canonicalJson(it.record!));
      const r = withoutUnsafeLinks(it.record!).record;
      const cols = columnsOf(r);
      const old = existing.get(r.id);
      const after = { id: r.id, state: cols.state, sourceHash: hash, source: 'import' };
      if (old && old.source !== 'import') {
        rejected.push({ location: it.location, id: r.id, problems: [{ path: '/id', message: 'this id belongs to an advisory written here' }] });
        continue;
      }
      if (old?.sourceHash === hash) {
        delta.unchanged++;
        continue;
      }
      const number = (old?.revision ?? 0) + 1;
      revisions.push({
        advisoryId: r.id,
        number,
        at: cols.modifiedAt,
        summary: old ? `Changed at the source (modified ${r.modified}).` : `Imported (modified ${r.modified}).`,
        osv: r,
      });
      if (old) {
        await updateAdvisory(tx, r.id, { ...cols, sourceHash: hash, revision: number, updatedAt: now });
        record({
          action: 'advisory.revised',
          recordType: 'advisory',
          recordId: r.id,
          before: { id: r.id, state: old.state, sourceHash: old.sourceHash, source: 'import' },
          after: { ...after, revision: number },
          marking: who.marking,
          data: { ...after, revision: number },
        });
        delta.revised++;
      } else {
        fresh.push({ id: r.id, source: 'import', ...cols, sourceHash: hash, revision: 1, ...markingRow(who.marking), createdAt: now, updatedAt: now });
        record({
          action: 'advisory.imported',
          recordType: 'advisory',
          recordId: r.id,
          before: null,
          after: { ...after, revision: 1 },
          marking: who.marking,
          data: { ...after, revision: 1 },
        });
        delta.created++;
      }
    }
    await insertAdvisories(tx, fresh);
    await insertRevisions(tx, revisions);
  });
  for (const k of Object.keys(delta) as (keyof ImportCounts)[]) counts[k] += delta[k];
  counts.rejected += rejected.length;
  rejections.push(...rejected);
}

/**
 * Imports published advisories from other databases as published, TLP:CLEAR records keyed
 * by their own ids, in batches (one transaction each, with audit and events per change).
 * Idempotent: a record whose canonical JSON is unchanged writes nothing; a changed one
 * becomes a new revision. Bad items and later duplicates of an id are rejected with every
 * problem; a batch that fails as a whole is retried item by item, so one bad record
 * cannot take others down and nothing is half-written.
 */
export async function importAdvisoryItems(
  ctx: ServiceContext,
  who: Importer,
  items: readonly ImportItem[],
  onProgress: (done: number, total: number) => void = () => undefined,
): Promise<ImportResult> {
  const counts: ImportCounts = { created: 0, revised: 0, unchanged: 0, rejected: 0 };
  const rejections: ImportRejection[] = [];
  const warnings: ImportRejection[] = [];
  const seen = new Map<string, string>();
  const good: ImportItem[] = [];
  const now = ctx.now();
  for (const it of items) {
    const first = it.id ? seen.get(it.id) : undefined;
    const notYet = it.record ? futureProblems(it.record, now) : [];
    if (it.problems.length || !it.record || notYet.length) rejections.push({ location: it.location, id: it.id, problems: [...it.problems, ...notYet] });
    else if (first) rejections.push({ location: it.location, id: it.id, problems: [{ path: '/id', message: `duplicate of the record at ${first}` }] });
    else {
      if (it.warnings.length) warnings.push({ location: it.location, id: it.id, problems: it.warnings });
      seen.set(it.id!, it.location);
      good.push(it);
    }
  }
  counts.rejected = rejections.length;
  for (let i = 0; i < good.length; i += BATCH) {
    const batch = good.slice(i, i + BATCH);
    try {
      await importBatch(ctx, who, batch, counts, rejections);
    } catch (err) {
      if (batch.length === 1) {
        counts.rejected++;
        rejections.push({
          location: batch[0]!.location,
          id: batch[0]!.id,
          problems: err instanceof AppError && err.details.length ? err.details : [{ path: '', message: err instanceof Error ? err.message : String(err) }],
        });
      } else {
        for (const one of batch)
          await importAdvisoryItems(ctx, who, [one]).then((r) => {
            for (const k of Object.keys(counts) as (keyof ImportCounts)[]) counts[k] += r[k];
            rejections.push(...r.rejections);
          });
      }
    }
    onProgress(Math.min(i + BATCH, good.length), good.length);
  }
  return { ...counts, rejections, warnings };
}

const importMarking = (ownerOrganisationId: string, createdBy: string | null): Marking => ({
  ownerOrganisationId,
  createdBy,
  tlp: 'CLEAR',
  classification: 'UNCLASSIFIED',
  accessOrganisations: [],
  accessUsers: [],
});

/** Imports as a coordinator (the API): owned by their organisation. */
export function importAdvisoriesAs(ctx: ServiceContext, p: Principal, items: readonly ImportItem[]): Promise<ImportResult> {
  assertCoordinator(p);
  return importAdvisoryItems(ctx, { actor: actorOf(p), marking: importMarking(p.organisationId, p.userId) }, items);
}

/** Imports from the command line on the local database: owned by the (first) coordinating organisation. */
export async function importAdvisoriesLocally(
  ctx: ServiceContext,
  items: readonly ImportItem[],
  onProgress?: (done: number, total: number) => void,
): Promise<ImportResult> {
  const [owner] = await coordinatorOrganisationIds(ctx.db);
  if (!owner)
    throw new AppError('CONFLICT', 'No coordinating organisation yet: finish the first-run setup before importing', [
      { path: '/organisation', message: 'none coordinates' },
    ]);
  return importAdvisoryItems(ctx, { actor: CLI_ACTOR, marking: importMarking(owner, null) }, items, onProgress);
}
