import type { FieldProblem } from '../errors';
import { overlaps, type Interval } from './intervals';
import {
  DEFAULT_ACCESS_WINDOW_POLICY,
  RELEASE_MILESTONES,
  WINDOW_MODES,
  type AccessGrantWindow,
  type AccessWindowInput,
  type AccessWindowPolicy,
  type ReleaseMilestone,
  type WindowMode,
} from './access-window';

export type AccessPlanParse =
  | { readonly ok: true; readonly plan: AccessWindowInput; readonly notes: readonly FieldProblem[] }
  | { readonly ok: false; readonly problems: readonly FieldProblem[] };

export interface AccessPlanParseOptions {
  /**
   * Refuse plans that are computable but inconsistent — two outages of one grant that overlap,
   * an outage outside every grant, a trusted-partner release after the general release (issue 11
   * "Bad input": what the server stores). Off, they are reported as notes and the plan is
   * measured as the contract defines it (the union of outages; the milestone's own date): the
   * offline `aisc frontier access-window` computes what it is given. Default: on.
   */
  readonly strict?: boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * An RFC 3339 timestamp with its offset (`2026-09-20T00:00:00Z`), or a date (`2026-09-20`, UTC
 * midnight), as milliseconds since the epoch; undefined when it is not one or names no real day.
 */
export function parseTimestamp(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = TIMESTAMP.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return undefined;
  const ms = Date.parse(m[4] === undefined ? `${value}T00:00:00Z` : value);
  return Number.isNaN(ms) ? undefined : ms;
}

function interval(value: unknown, path: string, what: string, problems: FieldProblem[]): Interval | undefined {
  if (!isObject(value)) {
    problems.push({ path, message: `must be an object {start, end} (${what})` });
    return undefined;
  }
  const start = parseTimestamp(value.start);
  const end = parseTimestamp(value.end);
  if (start === undefined) problems.push({ path: `${path}/start`, message: 'must be a timestamp with its offset, e.g. 2026-08-01T00:00:00Z' });
  if (end === undefined) problems.push({ path: `${path}/end`, message: 'must be a timestamp with its offset, e.g. 2026-08-31T00:00:00Z' });
  if (start === undefined || end === undefined) return undefined;
  if (end <= start) {
    problems.push({ path: `${path}/end`, message: `must be after start (the ${what} is inverted or empty)` });
    return undefined;
  }
  return { start, end };
}

/**
 * Parses and checks an access plan (the JSON of `aisc frontier access-window`, and what the access
 * service assembles from a stored plan). Reports every problem with its JSON Pointer: bad dates,
 * inverted intervals, outages of one grant that overlap each other or lie outside every grant,
 * unknown policy values, a window that is not a positive whole number of days, and a trusted-partner
 * release after the general release. Overlapping grants are fine (access is their union). `now`
 * is used when the plan has no `asOf`; the policy defaults to 30 days, minimum, general.
 */
export function parseAccessPlan(value: unknown, now: number, options: AccessPlanParseOptions = {}): AccessPlanParse {
  const problems: FieldProblem[] = [];
  const notes: FieldProblem[] = [];
  const inconsistent = options.strict === false ? notes : problems;
  if (!isObject(value)) return { ok: false, problems: [{ path: '', message: 'must be a JSON object (an access plan)' }] };
  const policy = parsePolicy(value.policy, '/policy', problems);

  const releases: { trustedPartner?: number; general?: number } = {};
  if (value.releases !== undefined && value.releases !== null) {
    if (!isObject(value.releases)) problems.push({ path: '/releases', message: 'must be an object {trustedPartner, general}' });
    else
      for (const key of ['trustedPartner', 'general'] as const) {
        const v = value.releases[key];
        if (v === undefined || v === null) continue;
        const at = parseTimestamp(v);
        if (at === undefined) problems.push({ path: `/releases/${key}`, message: 'must be a timestamp with its offset, e.g. 2026-09-20T00:00:00Z' });
        else releases[key] = at;
      }
    if (releases.trustedPartner !== undefined && releases.general !== undefined && releases.trustedPartner > releases.general)
      inconsistent.push({ path: '/releases/trustedPartner', message: 'must not be after the general release (trusted partners get the model first)' });
  }

  const grants: AccessGrantWindow[] = [];
  const outagesByGrant: { path: string; outage: Interval }[] = [];
  if (value.grants !== undefined && value.grants !== null) {
    if (!Array.isArray(value.grants)) problems.push({ path: '/grants', message: 'must be an array of grants {start, end, outages}' });
    else
      value.grants.forEach((g: unknown, i: number) => {
        const path = `/grants/${i}`;
        const span = interval(g, path, 'grant', problems);
        const outages: Interval[] = [];
        const raw = isObject(g) ? g.outages : undefined;
        if (raw !== undefined && raw !== null) {
          if (!Array.isArray(raw)) problems.push({ path: `${path}/outages`, message: 'must be an array of outages {start, end, reason}' });
          else
            raw.forEach((o: unknown, j: number) => {
              const outage = interval(o, `${path}/outages/${j}`, 'outage', problems);
              if (!outage) return;
              const clash = outages.findIndex((other) => overlaps(other, outage));
              if (clash >= 0) inconsistent.push({ path: `${path}/outages/${j}`, message: `overlaps outage ${clash} of the same grant` });
              outages.push(outage);
              outagesByGrant.push({ path: `${path}/outages/${j}`, outage });
            });
        }
        if (span) grants.push({ start: span.start, end: span.end, outages });
      });
  }
  for (const { path, outage } of outagesByGrant)
    if (grants.length > 0 && !grants.some((g) => overlaps(g, outage))) inconsistent.push({ path, message: 'lies outside every grant' });

  let checkpoints: { tested?: string; released?: string } | undefined;
  if (value.checkpoints !== undefined && value.checkpoints !== null) {
    if (!isObject(value.checkpoints)) problems.push({ path: '/checkpoints', message: 'must be an object {tested, released}' });
    else {
      checkpoints = {};
      for (const key of ['tested', 'released'] as const) {
        const v = value.checkpoints[key];
        if (v === undefined || v === null) continue;
        if (typeof v !== 'string' || v === '') problems.push({ path: `/checkpoints/${key}`, message: 'must be a checkpoint id (e.g. sha256:…)' });
        else checkpoints[key] = v;
      }
    }
  }

  let asOf = now;
  if (value.asOf !== undefined && value.asOf !== null) {
    const at = parseTimestamp(value.asOf);
    if (at === undefined) problems.push({ path: '/asOf', message: 'must be a timestamp with its offset, e.g. 2026-08-15T00:00:00Z' });
    else asOf = at;
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, plan: { policy, releases, grants, ...(checkpoints ? { checkpoints } : {}), asOf }, notes };
}

/**
 * Checks access-window policy settings (an admin's change, or a plan's `policy`): every field
 * optional, defaulting to 30 days, `minimum`, `general`.
 */
export function parsePolicy(value: unknown, path: string, problems: FieldProblem[]): AccessWindowPolicy {
  if (value === undefined || value === null) return DEFAULT_ACCESS_WINDOW_POLICY;
  if (!isObject(value)) {
    problems.push({ path, message: 'must be an object {windowDays, mode, milestone}' });
    return DEFAULT_ACCESS_WINDOW_POLICY;
  }
  let { windowDays, mode, milestone } = DEFAULT_ACCESS_WINDOW_POLICY;
  if (value.windowDays !== undefined) {
    const w = value.windowDays;
    if (typeof w !== 'number' || !Number.isInteger(w) || w <= 0 || w > 3650)
      problems.push({ path: `${path}/windowDays`, message: 'must be a positive whole number of days (at most 3650)' });
    else windowDays = w;
  }
  if (value.mode !== undefined) {
    if (!(WINDOW_MODES as readonly unknown[]).includes(value.mode))
      problems.push({ path: `${path}/mode`, message: `must be one of ${WINDOW_MODES.join(', ')}` });
    else mode = value.mode as WindowMode;
  }
  if (value.milestone !== undefined) {
    if (!(RELEASE_MILESTONES as readonly unknown[]).includes(value.milestone))
      problems.push({ path: `${path}/milestone`, message: `must be one of ${RELEASE_MILESTONES.join(', ')}` });
    else milestone = value.milestone as ReleaseMilestone;
  }
  return { windowDays, mode, milestone };
}
