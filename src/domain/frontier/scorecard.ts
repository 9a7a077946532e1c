import type { AccessWindowStatus } from './access-window';
import type { AttestationStanding, AttestationStatus, ReviewDecision } from './attestation';

/**
 * A developer's scorecard (issue 12, ADR 0105): a pure function of `ScorecardInputs`. Fields
 * whose records AISC does not hold yet are `null` in the inputs, meaning "not tracked yet", and
 * stay `null` in the scorecard — never a made-up zero.
 */
export interface ScorecardInputs {
  readonly developerOrganisationId: string;
  /** The current catalogue's practices. */
  readonly practices: readonly { readonly id: string }[];
  /** The developer's attestation per practice (one at most each), with its standing at the time of reading. */
  readonly attestations: readonly ScorecardAttestation[];
  /** The live access window of each of its designated versions (services/frontier/access-window.ts `windowOfPlan`). */
  readonly accessWindows: readonly ScorecardWindow[];
  /**
   * Third-party assessment engagements of its versions. `null`: not tracked yet. The
   * assessments module fills it: one entry per engagement.
   */
  readonly assessments: readonly ScorecardAssessment[] | null;
  /** Findings of those engagements with their remediation state. `null`: not tracked yet. */
  readonly findings: readonly ScorecardFinding[] | null;
  /** Incidents the developer reported. `null`: not tracked yet (no incident module exists). */
  readonly incidents: readonly ScorecardIncident[] | null;
}

export interface ScorecardAttestation {
  readonly practiceId: string;
  readonly status: AttestationStatus;
  readonly standing: AttestationStanding;
  readonly review: ReviewDecision | null;
}

export interface ScorecardWindow {
  readonly versionId: string;
  readonly status: AccessWindowStatus;
  readonly leadTimeDays: number;
  readonly effectiveAccessDays: number;
  /** The access kinds of the version's grants (distinct). */
  readonly accessKinds: readonly string[];
}

export interface ScorecardAssessment {
  readonly engagementId: string;
  readonly versionId: string;
  /** Whether the engagement reached its final report (final, or a published summary). */
  readonly completed: boolean;
  /** Whether it was completed before the version's release. */
  readonly completedBeforeRelease: boolean;
}

export interface ScorecardFinding {
  readonly findingId: string;
  readonly versionId: string;
  readonly remediation: 'open' | 'mitigated_before_release' | 'accepted' | 'disputed';
}

export interface ScorecardIncident {
  readonly incidentId: string;
  readonly reportedAt: string;
}

/** Window statuses of versions whose release is reached (ADR 0095). */
export const RELEASED_STATUSES: readonly AccessWindowStatus[] = ['met', 'late', 'not_provided'];

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The median of a list (null when empty): the mean of the two middle values for an even count. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return round2(s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2);
}

/** Computes the scorecard: participation, the access-window figures, access kinds, and the tracked-later fields as given. */
export function computeScorecard(input: ScorecardInputs) {
  const practiceIds = new Set(input.practices.map((p) => p.id));
  const mine = input.attestations.filter((a) => practiceIds.has(a.practiceId));
  const current = mine.filter((a) => a.standing === 'current');
  const byStatus = (s: AttestationStatus) => current.filter((a) => a.status === s).length;
  const withRelease = input.accessWindows.filter((w) => w.status !== 'no_release_date');
  const released = input.accessWindows.filter((w) => RELEASED_STATUSES.includes(w.status));
  const count = (s: AccessWindowStatus) => input.accessWindows.filter((w) => w.status === s).length;
  const kinds = new Map<string, number>();
  for (const w of input.accessWindows) for (const k of new Set(w.accessKinds)) kinds.set(k, (kinds.get(k) ?? 0) + 1);
  return {
    developerOrganisationId: input.developerOrganisationId,
    participation: {
      practices: practiceIds.size,
      current: current.length,
      expired: mine.length - current.length,
      notAttested: practiceIds.size - current.length,
      implemented: byStatus('implemented'),
      partial: byStatus('partial'),
      planned: byStatus('planned'),
      notApplicable: byStatus('not_applicable'),
      accepted: current.filter((a) => a.review === 'accepted').length,
      questioned: current.filter((a) => a.review === 'questioned').length,
      /** Current attestations over the catalogue's practices, 0–1. */
      rate: practiceIds.size === 0 ? 0 : round2(current.length / practiceIds.size),
    },
    preReleaseAccess: {
      designatedVersions: input.accessWindows.length,
      released: released.length,
      met: count('met'),
      late: count('late'),
      notProvided: count('not_provided'),
      onTrack: count('on_track'),
      atRisk: count('at_risk'),
      noReleaseDate: count('no_release_date'),
      medianLeadTimeDays: median(withRelease.map((w) => w.leadTimeDays)),
      medianEffectiveAccessDays: median(released.map((w) => w.effectiveAccessDays)),
      versions: input.accessWindows.map((w) => ({
        versionId: w.versionId,
        status: w.status,
        leadTimeDays: w.leadTimeDays,
        effectiveAccessDays: w.effectiveAccessDays,
        accessKinds: [...new Set(w.accessKinds)].sort(),
      })),
    },
    accessKinds: [...kinds.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([kind, versions]) => ({ kind, versions })),
    thirdPartyAssessments:
      input.assessments === null
        ? null
        : {
            engagements: input.assessments.length,
            completed: input.assessments.filter((a) => a.completed).length,
            completedBeforeRelease: input.assessments.filter((a) => a.completed && a.completedBeforeRelease).length,
          },
    findings:
      input.findings === null
        ? null
        : {
            total: input.findings.length,
            mitigatedBeforeRelease: input.findings.filter((f) => f.remediation === 'mitigated_before_release').length,
            open: input.findings.filter((f) => f.remediation === 'open').length,
            accepted: input.findings.filter((f) => f.remediation === 'accepted').length,
            disputed: input.findings.filter((f) => f.remediation === 'disputed').length,
          },
    incidents: input.incidents === null ? null : { reported: input.incidents.length },
  };
}
export type Scorecard = ReturnType<typeof computeScorecard>;
