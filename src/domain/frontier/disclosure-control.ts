/**
 * Statistical disclosure control for the published scorecard aggregates (ADR 0105): a
 * threshold rule with complementary suppression, over one partition of the developers at a
 * time (a one-way frequency table whose cells add up to the published population).
 *
 * - Threshold (primary) rule: a cell counting 1 to k−1 developers is withheld (OECD Glossary of
 *   Statistical Terms, "Threshold rule": a cell is sensitive when it has fewer than a set number
 *   of respondents; agencies use three or five).
 * - Complementary (secondary) suppression: with one cell withheld, the published total minus the
 *   published cells would give it back by subtraction, so further cells are withheld (Eurostat /
 *   OECD glossary, "Suppression"; Hundepool et al., Handbook on Statistical Disclosure Control,
 *   ch. 4–5). We withhold the smallest published cells until every withheld cell could, as far
 *   as a reader can tell, hold anything from 1 to at least k developers: with S the withheld
 *   sum and m the withheld cells (each known to be ≥ 1, zeros being published), a withheld cell
 *   lies in [1, S − (m − 1)], so we need S − (m − 1) ≥ k. When that cannot be reached (every
 *   non-zero cell is already withheld), the whole table is withheld, zeros included.
 */
export type Suppression = 'primary' | 'complementary' | 'table';

export interface CellCount {
  readonly key: string;
  readonly count: number;
}

export interface ControlledCell {
  readonly key: string;
  /** The count, or null when withheld. */
  readonly count: number | null;
  /** Why it is withheld (kept for tests and staff; the public view shows only null). */
  readonly suppression: Suppression | null;
}

/** The upper end of what a reader can infer for any withheld cell: S − (m − 1). */
export function withheldUpperBound(cells: readonly CellCount[], withheld: ReadonlySet<string>): number {
  const w = cells.filter((c) => withheld.has(c.key));
  return w.reduce((s, c) => s + c.count, 0) - (w.length - 1);
}

/**
 * Applies the threshold rule with minimum group size `k` and complementary suppression to one
 * partition. Cells are considered in the given order when counts tie (deterministic output).
 */
export function suppressPartition(cells: readonly CellCount[], k: number): ControlledCell[] {
  const withheld = new Map<string, Suppression>();
  for (const c of cells) if (c.count > 0 && c.count < k) withheld.set(c.key, 'primary');
  if (withheld.size > 0) {
    const keys = () => new Set(withheld.keys());
    while (withheldUpperBound(cells, keys()) < k) {
      const next = cells.filter((c) => c.count > 0 && !withheld.has(c.key)).reduce<CellCount | null>((a, c) => (a === null || c.count < a.count ? c : a), null);
      if (!next) {
        for (const c of cells) withheld.set(c.key, 'table');
        break;
      }
      withheld.set(next.key, 'complementary');
    }
  }
  return cells.map((c) => {
    const s = withheld.get(c.key) ?? null;
    return { key: c.key, count: s ? null : c.count, suppression: s };
  });
}
