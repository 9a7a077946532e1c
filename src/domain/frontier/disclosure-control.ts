/**
 * Statistical disclosure control for the published scorecards (ADR 0105): a threshold rule with
 * complementary suppression over one partition of the developers at a time (a one-way frequency
 * table whose cells add up to the published population).
 *
 * - Threshold (primary) rule: a cell counting 1 to k−1 developers is withheld (OECD Glossary of
 *   Statistical Terms, "Threshold rule": a cell is sensitive when it has fewer than a set number
 *   of respondents; agencies use three or five).
 * - Complementary (secondary) suppression: with one cell withheld, the published total minus the
 *   published cells would give it back by subtraction, so further cells must be withheld
 *   (OECD/Eurostat glossary, "Suppression"; Hundepool et al., Handbook on Statistical Disclosure
 *   Control, ch. 4–5). Which further cells is decided from nothing a reader cannot see — only
 *   whether some cell is small, which cells are zero, and the total — because a choice that
 *   depends on the hidden counts ("the smallest other cell") can be replayed by a reader who
 *   knows the method, and narrows or pins the withheld counts (our test replays it). So: when any
 *   cell is small, every non-zero cell of the table is withheld. A withheld cell then lies, as
 *   far as anyone can tell, in [1, N − (m − 1)] (N the total, m the non-zero cells); when that
 *   upper end is below k, the zeros are withheld too (the whole table), or a reader would know
 *   every group is small — and, with all ones, exactly how small.
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

/**
 * Applies the threshold rule with minimum group size `k` and complementary suppression to one
 * partition (one-way table): untouched when no cell is small; otherwise every non-zero cell
 * withheld, and the zeros too when the non-zero cells would each be provably below `k`.
 */
export function suppressPartition(cells: readonly CellCount[], k: number): ControlledCell[] {
  const small = (c: CellCount) => c.count > 0 && c.count < k;
  if (!cells.some(small)) return cells.map((c) => ({ key: c.key, count: c.count, suppression: null }));
  const total = cells.reduce((s, c) => s + c.count, 0);
  const nonZero = cells.filter((c) => c.count > 0).length;
  const whole = total - (nonZero - 1) < k;
  return cells.map((c) => {
    const suppression: Suppression | null = small(c) ? 'primary' : whole ? 'table' : c.count > 0 ? 'complementary' : null;
    return { key: c.key, count: suppression ? null : c.count, suppression };
  });
}
