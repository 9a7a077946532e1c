import { csafFileName, csafYearOf } from '../../domain/advisory/csaf-names';

/** A published document's place in the CSAF provider: its year folder and file name. */
export interface CsafEntry {
  readonly id: string;
  readonly title: string;
  readonly path: string;
  readonly initial: string;
  readonly current: string;
}

/** The columns of a published advisory an entry is made of. */
export interface CsafEntrySource {
  readonly id: string;
  readonly title: string;
  readonly publishedAt: Date | null;
  readonly modifiedAt: Date | null;
}

/** Dates are the ones the documents carry: initial release = first publication, current = latest revision. */
export function csafEntryOf(r: CsafEntrySource): CsafEntry {
  const initial = r.publishedAt!.toISOString();
  return { id: r.id, title: r.title, initial, current: (r.modifiedAt ?? r.publishedAt!).toISOString(), path: `${csafYearOf(initial)}/${csafFileName(r.id)}` };
}

interface Kept {
  readonly entry: CsafEntry;
  /** `modified_at` as stored (null sorts last, as the database query orders it). */
  readonly modified: string | null;
}

/**
 * The CSAF provider's entries of every published advisory, kept current beside the OSV
 * index (ADR 0024) so index.txt, changes.csv and the ROLIE feed need no database read.
 * Order is the full read's: `modified_at` newest first (unset last), then id descending.
 */
export class CsafEntryIndex {
  private readonly kept = new Map<string, Kept>();
  private sorted: CsafEntry[] | null = [];

  put(r: CsafEntrySource): void {
    if (!r.publishedAt) {
      this.remove(r.id);
      return;
    }
    this.kept.set(r.id, { entry: csafEntryOf(r), modified: r.modifiedAt?.toISOString() ?? null });
    this.sorted = null;
  }

  remove(id: string): void {
    if (this.kept.delete(id)) this.sorted = null;
  }

  /** Newest change first; the same array until the next change. */
  list(): readonly CsafEntry[] {
    if (!this.sorted) this.sorted = [...this.kept.values()].sort(newestFirst).map((k) => k.entry);
    return this.sorted;
  }
}

function newestFirst(a: Kept, b: Kept): number {
  if (a.modified !== b.modified) {
    if (a.modified === null) return 1;
    if (b.modified === null) return -1;
    return a.modified < b.modified ? 1 : -1;
  }
  return a.entry.id < b.entry.id ? 1 : a.entry.id > b.entry.id ? -1 : 0;
}
