import { AppError, notFound } from '../../domain/errors';
import { type PracticeCatalogue, validatePracticeCatalogue } from '../../domain/frontier/practice-catalogue';
import { BUILT_IN_PRACTICE_CATALOGUES } from '../../domain/frontier/practices/index';
import type { Principal } from '../../domain/identity/principal';
import { can } from '../../domain/policy/actions';
import type { Marking } from '../../domain/policy/marking';
import type { Executor } from '../../store/database';
import { type CatalogueRow, currentCatalogue, findCatalogue, insertCatalogue, insertCataloguesIfAbsent, listCatalogues } from '../../store/frontier/standards';
import { type Actor, actorOf } from '../actor';
import type { ServiceContext } from '../context';
import { type Record_, write } from '../unit-of-work';
import { publishedMarking } from '../markings';

const SEEDER: Actor = Object.freeze({ userId: null, organisationId: null, label: 'system:frontier-practices' });

export const catalogueView = (r: CatalogueRow, current: boolean) => {
  const d = r.document as unknown as PracticeCatalogue;
  return {
    version: r.version,
    title: d.title,
    note: d.note ?? null,
    builtIn: r.builtIn,
    current,
    addedAt: r.addedAt.toISOString(),
    practices: d.practices.map((p) => ({
      id: p.id,
      title: p.title,
      description: p.description,
      evidenceRequired: p.evidenceRequired,
      sources: p.sources.map((s) => ({ citation: s.citation, url: s.url ?? null })),
    })),
  };
};
export type CatalogueView = ReturnType<typeof catalogueView>;

function recordAdded(record: Record_, rows: readonly CatalogueRow[], marking: Marking): void {
  for (const r of rows)
    record({
      action: 'frontier_practice_catalogue.added',
      recordType: 'frontier_practice_catalogue',
      recordId: r.version,
      before: null,
      after: catalogueView(r, true),
      marking,
      data: { version: r.version, practices: (r.document as unknown as PracticeCatalogue).practices.map((p) => p.id), builtIn: r.builtIn },
    });
}

/**
 * Stores the catalogue versions that ship with this build and are not stored yet (idempotent:
 * the runtime calls it at every start, on every node), as rule sets are (ADR 0085).
 */
export async function seedBuiltInPracticeCatalogues(ctx: ServiceContext): Promise<number> {
  return write(ctx, SEEDER, async (tx, record) => {
    const now = ctx.now();
    const inserted = await insertCataloguesIfAbsent(
      tx,
      BUILT_IN_PRACTICE_CATALOGUES.map((d, i) => ({
        version: d.version,
        document: d as unknown as Record<string, unknown>,
        builtIn: true,
        // Shipped versions keep their order (oldest first) even when seeded in one instant.
        addedAt: new Date(now.getTime() - (BUILT_IN_PRACTICE_CATALOGUES.length - 1 - i)),
        addedBy: null,
      })),
    );
    recordAdded(record, inserted, publishedMarking(null, null));
    return inserted.length;
  });
}

/**
 * Adds a catalogue version (platform administrators): checked by the same validator as the
 * shipped ones, every bad field named; an existing version is a CONFLICT. The new version is
 * current at once: attestations made afterwards are checked against it.
 */
export async function addCatalogueVersion(ctx: ServiceContext, p: Principal, document: unknown): Promise<CatalogueView> {
  if (!can(p, 'frontier.configure-standards')) throw new AppError('FORBIDDEN', 'Only platform administrators add practice catalogues');
  const parsed = validatePracticeCatalogue(document);
  if (!parsed.ok) throw new AppError('VALIDATION', 'The practice catalogue is not valid', parsed.problems);
  const doc = parsed.catalogue;
  return write(ctx, actorOf(p), async (tx, record) => {
    if (await findCatalogue(tx, doc.version))
      throw new AppError('CONFLICT', `The practice catalogue already has version ${doc.version}`, [
        { path: '/version', message: 'this version exists; add a new one' },
      ]);
    const row = await insertCatalogue(tx, {
      version: doc.version,
      document: doc as unknown as Record<string, unknown>,
      builtIn: false,
      addedAt: ctx.now(),
      addedBy: p.userId,
    });
    recordAdded(record, [row], publishedMarking(p.organisationId, p.userId));
    return catalogueView(row, true);
  });
}

/** Every catalogue version, newest first, the current one marked (public material). */
export async function listPracticeCatalogues(ctx: ServiceContext): Promise<CatalogueView[]> {
  return (await listCatalogues(ctx.db)).map((r, i) => catalogueView(r, i === 0));
}

/** One catalogue version (NOT_FOUND for an unknown one). */
export async function practiceCatalogue(ctx: ServiceContext, version: string): Promise<CatalogueView> {
  const r = await findCatalogue(ctx.db, version);
  if (!r) throw notFound('Practice catalogue version');
  const current = await currentCatalogue(ctx.db);
  return catalogueView(r, current?.version === r.version);
}

/** The current catalogue's document (the shipped one before any is stored, e.g. in a bare test database). */
export async function currentPracticeCatalogue(db: Executor): Promise<PracticeCatalogue> {
  const r = await currentCatalogue(db);
  return r ? (r.document as unknown as PracticeCatalogue) : BUILT_IN_PRACTICE_CATALOGUES[BUILT_IN_PRACTICE_CATALOGUES.length - 1]!;
}
