import { describe, expect, it } from 'vitest';
import { type CellCount, suppressPartition } from '../../src/domain/frontier/disclosure-control';
import { computeScorecard, type ScorecardInputs } from '../../src/domain/frontier/scorecard';
import { aggregateScorecards } from '../../src/domain/frontier/scorecard-aggregates';

/**
 * Disclosure control of the published scorecards (ADR 0105), as pure functions: the threshold
 * rule withholds groups of 1 and 2 (k = 3), publishes groups of 3 and more, and complementary
 * suppression defeats the differencing attack — checked against an adversary who knows the
 * published cells, the total and the algorithm itself, over every partition of small totals.
 */
const cells = (...counts: number[]): CellCount[] => counts.map((count, i) => ({ key: `c${i}`, count }));
const published = (controlled: ReturnType<typeof suppressPartition>) => controlled.map((c) => c.count);

/** Every vector of `n` non-negative counts adding up to `total`. */
function* vectors(n: number, total: number): Generator<number[]> {
  if (n === 1) {
    yield [total];
    return;
  }
  for (let first = 0; first <= total; first++) for (const rest of vectors(n - 1, total - first)) yield [first, ...rest];
}

/**
 * What a reader who knows the total, the published cells and the algorithm can say a withheld
 * cell holds: every value it takes among the count vectors that publish the same thing.
 */
function readerOptions(truth: readonly number[], k: number): Map<number, Set<number>> {
  const shown = JSON.stringify(published(suppressPartition(cells(...truth), k)));
  const total = truth.reduce((a, b) => a + b, 0);
  const options = new Map<number, Set<number>>();
  for (const v of vectors(truth.length, total)) {
    if (JSON.stringify(published(suppressPartition(cells(...v), k))) !== shown) continue;
    v.forEach((x, i) => {
      if (truth[i] === undefined || JSON.parse(shown)[i] !== null) return;
      options.set(i, (options.get(i) ?? new Set()).add(x));
    });
  }
  return options;
}

describe('the threshold rule with complementary suppression', () => {
  it('withholds a group of 1 and its complement: the total minus the published cells gives nothing back', () => {
    const out = suppressPartition(cells(1, 4, 0), 3);
    expect(out.map((c) => c.suppression)).toEqual(['primary', 'complementary', null]);
    expect(published(out)).toEqual([null, null, 0]);
    // The differencing attack: total (5) minus every published cell is the sum of two withheld cells, not the group of 1.
    const total = 5;
    const published_ = published(out).filter((c): c is number => c !== null);
    expect(total - published_.reduce((a, b) => a + b, 0)).toBe(5);
  });

  it('withholds a group of 2 and every other non-zero group, publishing the zeros', () => {
    const out = suppressPartition(cells(2, 3, 0, 7), 3);
    expect(published(out)).toEqual([null, null, 0, null]);
    expect(out.map((c) => c.suppression)).toEqual(['primary', 'complementary', null, 'complementary']);
  });

  it('publishes groups of 3 and more untouched, and zeros', () => {
    expect(published(suppressPartition(cells(3, 0, 5, 4), 3))).toEqual([3, 0, 5, 4]);
    expect(suppressPartition(cells(3, 0, 5, 4), 3).every((c) => c.suppression === null)).toBe(true);
  });

  it('withholds the zeros too when the non-zero groups would each be provably small', () => {
    // 4 developers in three non-zero groups: each holds at most 2 — publishing the zero would tell.
    expect(suppressPartition(cells(1, 1, 2, 0), 3).map((c) => c.suppression)).toEqual(['primary', 'primary', 'primary', 'table']);
    // 8 developers: a withheld group could hold up to 6, so the zero stays published.
    expect(published(suppressPartition(cells(1, 1, 6, 0), 3))).toEqual([null, null, null, 0]);
  });

  it('withholds the whole table when every non-zero group is small', () => {
    const out = suppressPartition(cells(1, 2, 0), 3);
    expect(published(out)).toEqual([null, null, null]);
    expect(out.map((c) => c.suppression)).toEqual(['primary', 'primary', 'table']);
  });

  it.each([3, 4])('defeats the differencing attack for every partition of up to 10 developers into 3 or 4 groups (k = %i)', (k) => {
    const failures: string[] = [];
    let withheldSmall = 0;
    for (const n of [3, 4]) {
      for (let total = k; total <= 10; total++) {
        for (const truth of vectors(n, total)) {
          const shown = published(suppressPartition(cells(...truth), k));
          // No published count is a small group.
          shown.forEach((c, i) => {
            if (c !== null && c > 0 && c < k) failures.push(`${truth}: published ${c} at ${i}`);
          });
          const options = readerOptions(truth, k);
          for (const [i, values] of options) {
            if (truth[i]! > 0 && truth[i]! < k) withheldSmall++;
            // Never pinned to one value; and, while any cell is still shown, never provably one of the small groups.
            if (values.size < 2) failures.push(`${truth}: cell ${i} pinned to ${[...values]}`);
            if (shown.some((c) => c !== null) && Math.max(...values) < k) failures.push(`${truth}: cell ${i} provably small (${[...values]})`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
    // The check had small groups to protect (it cannot pass vacuously).
    expect(withheldSmall).toBeGreaterThan(100);
  });
});

const DEV = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
const practices = [{ id: 'incident-reporting' }, { id: 'vulnerability-disclosure-policy' }];

/** A developer's inputs: which practices it attested as implemented, and the window statuses of its released versions. */
function developer(i: number, implemented: string[], windows: { status: 'met' | 'late'; effective: number }[] = []): ScorecardInputs {
  return {
    developerOrganisationId: DEV(i),
    practices,
    attestations: implemented.map((practiceId) => ({ practiceId, status: 'implemented' as const, standing: 'current' as const, review: null })),
    accessWindows: windows.map((w, j) => ({
      versionId: DEV(100 + i * 10 + j),
      status: w.status,
      leadTimeDays: w.effective,
      effectiveAccessDays: w.effective,
      accessKinds: ['api_production'],
    })),
    assessments: null,
    findings: null,
    incidents: null,
  };
}
const options = { minGroupSize: 3, practiceIds: practices.map((p) => p.id), accessKinds: ['api_production', 'fine_tuning'] };
const table = (a: ReturnType<typeof aggregateScorecards>, id: string) => a.tables.find((t) => t.id === id)!;
const counts = (a: ReturnType<typeof aggregateScorecards>, id: string) => Object.fromEntries(table(a, id).cells.map((c) => [c.key, c.count]));

describe('the published aggregates', () => {
  it.each([1, 2])('publish nothing about a population of %i developer(s)', (n) => {
    const a = aggregateScorecards(
      Array.from({ length: n }, (_, i) => developer(i, ['incident-reporting'], [{ status: 'met', effective: 40 }])),
      options,
    );
    expect(a.developers).toBeNull();
    for (const t of a.tables.filter((x) => x.tracked)) for (const c of t.cells) expect(c.count, `${t.id}.${c.key}`).toBeNull();
    expect(JSON.stringify(a)).not.toContain('40');
  });

  it('publishes a population of 3, and withholds a lone developer and its complement in each table', () => {
    const a = aggregateScorecards(
      [
        developer(1, ['incident-reporting'], [{ status: 'met', effective: 35 }]),
        developer(2, ['incident-reporting'], [{ status: 'met', effective: 45 }]),
        developer(3, ['incident-reporting'], [{ status: 'met', effective: 50 }]),
        developer(4, ['incident-reporting', 'vulnerability-disclosure-policy'], [{ status: 'late', effective: 12 }]),
      ],
      options,
    );
    expect(a.developers).toBe(4);
    // Practice tables: all four implemented incident reporting; one lone developer has a disclosure policy.
    expect(counts(a, 'practice:incident-reporting')).toEqual({ implemented: 4, partial_or_planned: 0, none_current: 0 });
    expect(counts(a, 'practice:vulnerability-disclosure-policy')).toEqual({ implemented: null, partial_or_planned: 0, none_current: null });
    // The access window: one lone developer was late; its group and the complement are withheld, means too.
    const w = table(a, 'access_window').cells;
    expect(w.map((c) => [c.key, c.count, c.meanEffectiveAccessDays])).toEqual([
      ['all_met', null, null],
      ['some_not_met', null, null],
      ['none_released', 0, undefined],
    ]);
    // Every developer gave api_production, none fine-tuning: both published.
    expect(counts(a, 'access_kind:api_production')).toEqual({ given: 4, not_given: 0 });
    expect(counts(a, 'access_kind:fine_tuning')).toEqual({ given: 0, not_given: 4 });
    // Not tracked yet: no cells, never zeros.
    expect(table(a, 'third_party_assessments')).toMatchObject({ tracked: false, cells: [] });
    expect(table(a, 'incidents')).toMatchObject({ tracked: false, cells: [] });
    // The differencing attack on every published table: the total minus the published cells is never a group below 3.
    for (const t of a.tables.filter((x) => x.tracked)) {
      const shown = t.cells.filter((c) => c.count !== null).reduce((s, c) => s + c.count!, 0);
      const rest = a.developers! - shown;
      expect(rest === 0 || rest >= 3, `${t.id}: ${rest}`).toBe(true);
    }
  });

  it('publishes groups of 3 with their mean', () => {
    const a = aggregateScorecards(
      [
        developer(1, [], [{ status: 'met', effective: 30 }]),
        developer(2, [], [{ status: 'met', effective: 40 }]),
        developer(3, [], [{ status: 'met', effective: 50 }]),
        developer(4, [], [{ status: 'late', effective: 10 }]),
        developer(5, [], [{ status: 'late', effective: 20 }]),
        developer(6, [], [{ status: 'late', effective: 3 }]),
      ],
      options,
    );
    expect(table(a, 'access_window').cells.map((c) => [c.key, c.count, c.meanEffectiveAccessDays])).toEqual([
      ['all_met', 3, 40],
      ['some_not_met', 3, 11],
      ['none_released', 0, undefined],
    ]);
    expect(counts(a, 'participation')).toEqual({ all_current: 0, some_current: 0, none_current: 6 });
  });
});

describe('tracked-later figures', () => {
  it('count engagements, findings and incidents once their sources are given, and turn the tables tracked', () => {
    const withSources = (i: number, mitigated: boolean): ScorecardInputs => ({
      ...developer(i, []),
      assessments: [{ engagementId: DEV(500 + i), versionId: DEV(600 + i), completed: true, completedBeforeRelease: true }],
      findings: [
        { findingId: DEV(700 + i), versionId: DEV(600 + i), remediation: 'mitigated_before_release' },
        { findingId: DEV(800 + i), versionId: DEV(600 + i), remediation: mitigated ? 'mitigated_before_release' : 'disputed' },
      ],
      incidents: [],
    });
    const s = computeScorecard(withSources(1, false));
    expect(s.thirdPartyAssessments).toEqual({ engagements: 1, completed: 1, completedBeforeRelease: 1 });
    expect(s.findings).toEqual({ total: 2, mitigatedBeforeRelease: 1, open: 0, accepted: 0, disputed: 1 });
    expect(s.incidents).toEqual({ reported: 0 });
    const a = aggregateScorecards(
      [1, 2, 3].map((i) => withSources(i, true)),
      options,
    );
    expect(counts(a, 'third_party_assessments')).toEqual({ some_completed_before_release: 3, none_completed_before_release: 0 });
    expect(counts(a, 'findings')).toEqual({ all_mitigated_before_release: 3, some_not_mitigated: 0, no_findings: 0 });
    expect(counts(a, 'incidents')).toEqual({ reported: 0, none_reported: 3 });
    // One developer still untracked keeps the table untracked: no table mixes known and unknown.
    expect(table(aggregateScorecards([...[1, 2, 3].map((i) => withSources(i, true)), developer(4, [])], options), 'findings').tracked).toBe(false);
  });
});
