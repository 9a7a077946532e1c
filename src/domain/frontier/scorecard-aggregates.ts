import { type CellCount, type ControlledCell, suppressPartition } from './disclosure-control';
import { computeScorecard, RELEASED_STATUSES, type Scorecard, type ScorecardInputs } from './scorecard';

/**
 * The published scorecards (issue 12, ADR 0105): aggregates across developers only, as one-way
 * tables that each partition the same population, every table put through the threshold rule
 * with complementary suppression (disclosure-control.ts). No cross-tabulations are published,
 * and no per-developer figure. Pure: scorecards come in, tables go out.
 */
export const DEFAULT_MIN_GROUP_SIZE = 3;
/** Below three, a member of a group of two learns the other's value by subtracting its own. */
export const MIN_MIN_GROUP_SIZE = 3;
export const MAX_MIN_GROUP_SIZE = 100;

export interface AggregateCell extends ControlledCell {
  /** The mean of the developers' mean effective access days in this cell (access-window table only), or null. */
  readonly meanEffectiveAccessDays?: number | null;
}

export interface AggregateTable {
  readonly id: string;
  readonly title: string;
  /** False while the data behind the table is not tracked yet (no cells). */
  readonly tracked: boolean;
  readonly cells: readonly AggregateCell[];
}

export interface ScorecardAggregates {
  readonly minGroupSize: number;
  /** The developers counted, or null when fewer than the minimum (then every table is withheld). */
  readonly developers: number | null;
  readonly tables: readonly AggregateTable[];
}

type Classifier = (s: Scorecard, input: ScorecardInputs) => string;

const round1 = (n: number) => Math.round(n * 10) / 10;
const mean = (xs: readonly number[]) => (xs.length === 0 ? null : round1(xs.reduce((a, b) => a + b, 0) / xs.length));

/** A developer's mean effective access days over its released versions (null without one). */
function developerEffectiveDays(input: ScorecardInputs): number | null {
  return mean(input.accessWindows.filter((w) => RELEASED_STATUSES.includes(w.status)).map((w) => w.effectiveAccessDays));
}

interface TableSpec {
  readonly id: string;
  readonly title: string;
  readonly keys: readonly string[];
  /** null: the table's data is not tracked yet for at least one developer. */
  readonly classify: Classifier | null;
  readonly withMeans?: readonly string[];
}

function tableSpecs(inputs: readonly ScorecardInputs[], practiceIds: readonly string[], accessKinds: readonly string[]): TableSpec[] {
  const tracked = (f: (i: ScorecardInputs) => unknown) => inputs.every((i) => f(i) !== null);
  return [
    {
      id: 'participation',
      title: 'Developers by attestations current',
      keys: ['all_current', 'some_current', 'none_current'],
      classify: (s) =>
        s.participation.practices > 0 && s.participation.current === s.participation.practices
          ? 'all_current'
          : s.participation.current > 0
            ? 'some_current'
            : 'none_current',
    },
    ...practiceIds.map(
      (id): TableSpec => ({
        id: `practice:${id}`,
        title: `Developers by their attestation of ${id}`,
        // Collapsed to three groups (a standard SDC restructuring): fewer, larger groups are withheld less often.
        keys: ['implemented', 'partial_or_planned', 'none_current'],
        classify: (_s, input) => {
          const a = input.attestations.find((x) => x.practiceId === id);
          if (!a || a.standing === 'expired' || a.status === 'not_applicable') return 'none_current';
          return a.status === 'implemented' ? 'implemented' : 'partial_or_planned';
        },
      }),
    ),
    {
      id: 'access_window',
      title: 'Developers by pre-release access window of their released designated versions',
      keys: ['all_met', 'some_not_met', 'none_released'],
      classify: (s) =>
        s.preReleaseAccess.released === 0 ? 'none_released' : s.preReleaseAccess.met === s.preReleaseAccess.released ? 'all_met' : 'some_not_met',
      withMeans: ['all_met', 'some_not_met'],
    },
    ...accessKinds.map(
      (kind): TableSpec => ({
        id: `access_kind:${kind}`,
        title: `Developers who gave ${kind} access`,
        keys: ['given', 'not_given'],
        classify: (s) => (s.accessKinds.some((k) => k.kind === kind) ? 'given' : 'not_given'),
      }),
    ),
    {
      id: 'third_party_assessments',
      title: 'Developers by third-party assessments completed before release',
      keys: ['some_completed_before_release', 'none_completed_before_release'],
      classify: tracked((i) => i.assessments)
        ? (s) => ((s.thirdPartyAssessments?.completedBeforeRelease ?? 0) > 0 ? 'some_completed_before_release' : 'none_completed_before_release')
        : null,
    },
    {
      id: 'findings',
      title: 'Developers by findings mitigated before release',
      keys: ['all_mitigated_before_release', 'some_not_mitigated', 'no_findings'],
      classify: tracked((i) => i.findings)
        ? (s) =>
            !s.findings || s.findings.total === 0
              ? 'no_findings'
              : s.findings.mitigatedBeforeRelease === s.findings.total
                ? 'all_mitigated_before_release'
                : 'some_not_mitigated'
        : null,
    },
    {
      id: 'incidents',
      title: 'Developers by incidents reported',
      keys: ['reported', 'none_reported'],
      classify: tracked((i) => i.incidents) ? (s) => ((s.incidents?.reported ?? 0) > 0 ? 'reported' : 'none_reported') : null,
    },
  ];
}

/**
 * The published aggregates over the developers' scorecard inputs, with minimum group size `k`.
 * With fewer than `k` developers nothing but that fact is published.
 */
export function aggregateScorecards(
  inputs: readonly ScorecardInputs[],
  options: { readonly minGroupSize: number; readonly practiceIds: readonly string[]; readonly accessKinds: readonly string[] },
): ScorecardAggregates {
  const k = Math.max(MIN_MIN_GROUP_SIZE, options.minGroupSize);
  const scored = inputs.map((input) => ({ input, scorecard: computeScorecard(input) }));
  const enough = scored.length >= k;
  const tables = tableSpecs(inputs, options.practiceIds, options.accessKinds).map((spec): AggregateTable => {
    const classify = spec.classify;
    if (!classify) return { id: spec.id, title: spec.title, tracked: false, cells: [] };
    const members = new Map<string, ScorecardInputs[]>(spec.keys.map((key) => [key, []]));
    for (const { input, scorecard } of scored) members.get(classify(scorecard, input))?.push(input);
    const counts: CellCount[] = spec.keys.map((key) => ({ key, count: members.get(key)!.length }));
    const controlled: ControlledCell[] = enough ? suppressPartition(counts, k) : counts.map((c) => ({ key: c.key, count: null, suppression: 'table' }));
    const cells = controlled.map((c): AggregateCell => {
      if (!spec.withMeans?.includes(c.key)) return c;
      const days = members
        .get(c.key)!
        .map(developerEffectiveDays)
        .filter((d): d is number => d !== null);
      return { ...c, meanEffectiveAccessDays: c.count === null ? null : mean(days) };
    });
    return { id: spec.id, title: spec.title, tracked: true, cells };
  });
  return { minGroupSize: k, developers: enough ? scored.length : null, tables };
}
