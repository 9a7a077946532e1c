import type { FieldProblem } from '../../domain/errors';
import { parseAccessPlan } from '../../domain/frontier/access-plan';
import { type AccessWindowReport, accessWindowReport, computeAccessWindow, releaseAtOf } from '../../domain/frontier/access-window';
import type { AccessPolicy } from '../../domain/frontier/access-vocabulary';
import type { FrontierVersionRow } from '../../store/frontier/versions';

/** A plan's grants as the window needs them, in milliseconds since the epoch: intervals, outages and checkpoints. */
export type PlanIntervals = { start: number; end: number; outages: { start: number; end: number }[]; tested: string | null; released: string | null }[];

export type AccessWindowView = AccessWindowReport;

type Releases = { trustedPartner: Date | null; general: Date | null };

const releasesMs = (r: Releases) => ({
  ...(r.trustedPartner ? { trustedPartner: r.trustedPartner.getTime() } : {}),
  ...(r.general ? { general: r.general.getTime() } : {}),
});

/**
 * The checkpoints the window compares: a grant whose tested checkpoint differs from the one to
 * be released if there is one (drift is worth showing), else any grant naming both.
 */
function checkpointsOf(grants: PlanIntervals): { tested?: string; released?: string } | undefined {
  const both = grants.filter((g) => g.tested && g.released);
  const g = both.find((x) => x.tested !== x.released) ?? both[0];
  return g ? { tested: g.tested!, released: g.released! } : undefined;
}

/**
 * The live window of a plan (ADR 0095): the pure helper's `computeAccessWindow` — the same
 * function `aisc frontier access-window` runs — over the version's release dates and every
 * grant of the plan, under the deployment's policy, as of `now`. Nothing of it is stored.
 */
export function windowOfPlan(
  policy: AccessPolicy,
  version: Pick<FrontierVersionRow, 'plannedTrustedPartnerRelease' | 'plannedGeneralRelease'>,
  grants: PlanIntervals,
  now: Date,
): AccessWindowView {
  const checkpoints = checkpointsOf(grants);
  return accessWindowReport(
    computeAccessWindow({
      policy: { windowDays: policy.windowDays, mode: policy.mode, milestone: policy.milestone },
      releases: releasesMs({ trustedPartner: version.plannedTrustedPartnerRelease, general: version.plannedGeneralRelease }),
      grants,
      ...(checkpoints ? { checkpoints } : {}),
      asOf: now.getTime(),
    }),
  );
}

const iso = (d: Date) => d.toISOString();

/** The window helper's problems for one grant, with its paths turned into the grant body's fields. */
function grantFieldProblems(problems: readonly FieldProblem[]): FieldProblem[] {
  return problems.map((p) => ({
    ...p,
    path: p.path
      .replace(/^\/grants\/0\/start$/, '/startsAt')
      .replace(/^\/grants\/0\/end$/, '/endsAt')
      .replace(/^\/grants\/0\/outages\/\d+.*$/, '/endsAt'),
  }));
}

/**
 * Checks a grant's interval with the window helper's validator (inverted or empty intervals;
 * outages that no longer fit it), and that it starts before the release it counts to
 * (`policy.milestone`, trusted partner falling back to general): access that starts after the
 * release is not pre-release access.
 */
export function grantIntervalProblems(
  grant: { start: Date; end: Date; outages: readonly { start: Date; end: Date }[] },
  releases: Releases,
  policy: AccessPolicy,
): FieldProblem[] {
  const parsed = parseAccessPlan(
    { grants: [{ start: iso(grant.start), end: iso(grant.end), outages: grant.outages.map((o) => ({ start: iso(o.start), end: iso(o.end) })) }] },
    0,
  );
  const problems = parsed.ok ? [] : grantFieldProblems(parsed.problems);
  const releaseAt = releaseAtOf(policy, releasesMs(releases));
  if (releaseAt !== null && grant.start.getTime() >= releaseAt)
    problems.push({
      path: '/startsAt',
      message: `must be before the release the window counts to (${new Date(releaseAt).toISOString()}): the release date is before the grant starts`,
    });
  return problems;
}

/**
 * Checks a new outage of a grant with the window helper's validator: not inverted, not
 * overlapping another outage of the grant, inside the grant.
 */
export function outageIntervalProblems(
  grant: { start: Date; end: Date },
  existing: readonly { start: Date; end: Date }[],
  outage: { start: Date; end: Date },
): FieldProblem[] {
  const all = [...existing, outage];
  const parsed = parseAccessPlan(
    { grants: [{ start: iso(grant.start), end: iso(grant.end), outages: all.map((o) => ({ start: iso(o.start), end: iso(o.end) })) }] },
    0,
  );
  if (parsed.ok) {
    if (outage.start < grant.start || outage.end > grant.end) return [{ path: '/startsAt', message: 'the outage must lie within its grant' }];
    return [];
  }
  const mine = `/grants/0/outages/${existing.length}`;
  return parsed.problems
    .filter((p) => p.path === mine || p.path.startsWith(`${mine}/`))
    .map((p) => ({
      path: p.path === `${mine}/start` ? '/startsAt' : p.path === `${mine}/end` ? '/endsAt' : '/startsAt',
      message: p.message.replace(/overlaps outage (\d+) of the same grant/, (_m, i) => `overlaps the grant's outage from ${iso(existing[Number(i)]!.start)}`),
    }));
}
