import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAccessPlan, parsePolicy, parseTimestamp } from '../../src/domain/frontier/access-plan';
import {
  accessIntervals,
  accessWindowReport,
  computeAccessWindow,
  toDays,
  type AccessWindowInput,
  type AccessWindowPolicy,
  type AccessWindowStatus,
} from '../../src/domain/frontier/access-window';
import { lengthUntil, subtract, unionOf } from '../../src/domain/frontier/intervals';

const ISSUE_EXAMPLE = {
  policy: { windowDays: 30, mode: 'minimum', milestone: 'general' },
  releases: { trustedPartner: '2026-09-01T00:00:00Z', general: '2026-09-20T00:00:00Z' },
  grants: [{ start: '2026-08-01T00:00:00Z', end: '2026-09-30T00:00:00Z', outages: [{ start: '2026-08-10T00:00:00Z', end: '2026-08-12T00:00:00Z' }] }],
  checkpoints: { tested: 'sha256:…', released: 'sha256:…' },
  asOf: '2026-08-15T00:00:00Z',
};
const NOW = Date.parse('2030-01-01T00:00:00Z');

function window(plan: unknown, now = NOW) {
  const parsed = parseAccessPlan(plan, now);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return accessWindowReport(computeAccessWindow(parsed.plan));
}

describe('the access window, by example', () => {
  it('gives the issue example its expected output', () => {
    expect(window(ISSUE_EXAMPLE)).toEqual({
      releaseAt: '2026-09-20T00:00:00.000Z',
      leadTimeDays: 50,
      effectiveAccessDays: 12,
      scheduledAccessDays: 48,
      status: 'on_track',
      lateByDays: 0,
      drift: false,
    });
    expect(Object.keys(window(ISSUE_EXAMPLE))).toEqual([
      'releaseAt',
      'leadTimeDays',
      'effectiveAccessDays',
      'scheduledAccessDays',
      'status',
      'lateByDays',
      'drift',
    ]);
  });

  it('counts to the trusted-partner release, falling back to the general one', () => {
    const tp = window({ ...ISSUE_EXAMPLE, policy: { ...ISSUE_EXAMPLE.policy, milestone: 'trusted_partner' } });
    expect(tp).toMatchObject({ releaseAt: '2026-09-01T00:00:00.000Z', leadTimeDays: 31, scheduledAccessDays: 29, status: 'at_risk' });
    const fallback = window({ ...ISSUE_EXAMPLE, policy: { milestone: 'trusted_partner' }, releases: { general: '2026-09-20T00:00:00Z' } });
    expect(fallback.releaseAt).toBe('2026-09-20T00:00:00.000Z');
    const none = window({ ...ISSUE_EXAMPLE, releases: { trustedPartner: '2026-09-01T00:00:00Z' } });
    expect(none).toEqual({
      releaseAt: null,
      leadTimeDays: 0,
      effectiveAccessDays: 12,
      scheduledAccessDays: 58,
      status: 'no_release_date',
      lateByDays: 0,
      drift: false,
    });
  });

  it('reports met, late and not provided after the release (minimum mode)', () => {
    const after = { ...ISSUE_EXAMPLE, asOf: '2026-10-01T00:00:00Z' };
    expect(window(after)).toMatchObject({ effectiveAccessDays: 48, status: 'met', lateByDays: 0 });
    const short = { ...after, grants: [{ start: '2026-09-05T12:00:00Z', end: '2026-09-30T00:00:00Z' }] };
    expect(window(short)).toMatchObject({ leadTimeDays: 14.5, effectiveAccessDays: 14.5, status: 'late', lateByDays: 16 });
    const late = { ...after, grants: [{ start: '2026-09-20T00:00:00Z', end: '2026-09-30T00:00:00Z' }] };
    expect(window(late)).toMatchObject({ leadTimeDays: 0, effectiveAccessDays: 0, scheduledAccessDays: 0, status: 'not_provided' });
    expect(window({ ...after, grants: [] })).toMatchObject({ status: 'not_provided', leadTimeDays: 0 });
    // At the release instant the window is judged, not forecast.
    expect(window({ ...ISSUE_EXAMPLE, asOf: '2026-09-20T00:00:00Z' }).status).toBe('met');
  });

  it('reads maximum mode as a cap: any access before release counts', () => {
    const max = { ...ISSUE_EXAMPLE, policy: { windowDays: 30, mode: 'maximum', milestone: 'general' } };
    const short = { ...max, grants: [{ start: '2026-09-19T00:00:00Z', end: '2026-09-30T00:00:00Z' }] };
    expect(window(short)).toMatchObject({ scheduledAccessDays: 1, status: 'on_track', lateByDays: 0 });
    expect(window({ ...short, asOf: '2026-09-21T00:00:00Z' })).toMatchObject({ status: 'met', lateByDays: 0 });
    expect(window({ ...max, grants: [] })).toMatchObject({ status: 'at_risk' });
    expect(window({ ...max, grants: [], asOf: '2026-09-21T00:00:00Z' })).toMatchObject({ status: 'not_provided', lateByDays: 0 });
  });

  it('takes the union of overlapping grants and of outages across grants, and flags drift', () => {
    const plan = {
      releases: { general: '2026-09-20T00:00:00Z' },
      grants: [
        { start: '2026-08-01T00:00:00Z', end: '2026-08-21T00:00:00Z', outages: [{ start: '2026-08-05T00:00:00Z', end: '2026-08-07T00:00:00Z' }] },
        { start: '2026-08-11T00:00:00Z', end: '2026-09-05T00:00:00Z', outages: [{ start: '2026-08-06T00:00:00Z', end: '2026-08-12T00:00:00Z' }] },
      ],
      checkpoints: { tested: 'sha256:aa', released: 'sha256:bb' },
      asOf: '2026-08-10T06:00:00Z',
    };
    // Granted 1 Aug – 5 Sep (35 days) minus outages 5–12 Aug (7 days).
    expect(window(plan)).toMatchObject({ leadTimeDays: 50, scheduledAccessDays: 28, effectiveAccessDays: 4, status: 'at_risk', drift: true });
    expect(window({ ...plan, checkpoints: { tested: 'sha256:aa' } }).drift).toBe(false);
  });

  it('defaults the policy and asOf', () => {
    const { policy: _p, asOf: _a, ...rest } = ISSUE_EXAMPLE;
    expect(window(rest, Date.parse('2026-09-25T00:00:00Z'))).toMatchObject({ status: 'met', effectiveAccessDays: 48 });
    expect(parsePolicy(undefined, '/policy', [])).toEqual({ windowDays: 30, mode: 'minimum', milestone: 'general' });
  });

  it('rounds exact days to two decimals', () => {
    expect(toDays(86_400_000)).toBe(1);
    expect(toDays(3 * 3_600_000)).toBe(0.13);
    expect(toDays(60_000)).toBe(0);
    expect(toDays(86_400_000 * 29 + 23 * 3_600_000)).toBe(29.96);
  });
});

describe('an access plan with bad fields', () => {
  const problems = (plan: unknown): string[] => {
    const parsed = parseAccessPlan(plan, NOW);
    return parsed.ok ? [] : parsed.problems.map((p) => p.path);
  };
  it.each<[string, unknown, string[]]>([
    ['not an object', 'plan', ['']],
    ['bad policy values', { policy: { windowDays: 0, mode: 'at_least', milestone: 'public' } }, ['/policy/windowDays', '/policy/mode', '/policy/milestone']],
    ['a fractional window', { policy: { windowDays: 2.5 } }, ['/policy/windowDays']],
    ['a policy that is not an object', { policy: 30 }, ['/policy']],
    [
      'bad dates',
      { releases: { general: '2026-02-30T00:00:00Z', trustedPartner: 'soon' }, asOf: '2026-08-15' + 'T25:00:00Z' },
      ['/releases/trustedPartner', '/releases/general', '/asOf'],
    ],
    ['a timestamp without an offset', { releases: { general: '2026-09-20T00:00:00' } }, ['/releases/general']],
    [
      'a trusted-partner release after the general one',
      { releases: { trustedPartner: '2026-09-21T00:00:00Z', general: '2026-09-20T00:00:00Z' } },
      ['/releases/trustedPartner'],
    ],
    ['releases that are not an object', { releases: ['2026-09-20'] }, ['/releases']],
    ['an inverted grant', { grants: [{ start: '2026-09-01T00:00:00Z', end: '2026-08-01T00:00:00Z' }] }, ['/grants/0/end']],
    ['an empty grant', { grants: [{ start: '2026-09-01T00:00:00Z', end: '2026-09-01T00:00:00Z' }] }, ['/grants/0/end']],
    ['a grant without dates', { grants: [{}, 5] }, ['/grants/0/start', '/grants/0/end', '/grants/1']],
    ['grants that are not an array', { grants: {} }, ['/grants']],
    [
      'overlapping outages of one grant',
      {
        grants: [
          {
            start: '2026-08-01T00:00:00Z',
            end: '2026-09-01T00:00:00Z',
            outages: [
              { start: '2026-08-02T00:00:00Z', end: '2026-08-05T00:00:00Z' },
              { start: '2026-08-04T00:00:00Z', end: '2026-08-06T00:00:00Z' },
            ],
          },
        ],
      },
      ['/grants/0/outages/1'],
    ],
    [
      'an inverted outage, and one outside every grant',
      {
        grants: [
          {
            start: '2026-08-01T00:00:00Z',
            end: '2026-09-01T00:00:00Z',
            outages: [
              { start: '2026-08-05T00:00:00Z', end: '2026-08-02T00:00:00Z' },
              { start: '2026-10-01T00:00:00Z', end: '2026-10-02T00:00:00Z' },
            ],
          },
        ],
      },
      ['/grants/0/outages/0/end', '/grants/0/outages/1'],
    ],
    ['outages that are not an array', { grants: [{ start: '2026-08-01T00:00:00Z', end: '2026-09-01T00:00:00Z', outages: 'none' }] }, ['/grants/0/outages']],
    ['bad checkpoints', { checkpoints: { tested: 5, released: '' } }, ['/checkpoints/tested', '/checkpoints/released']],
    ['checkpoints that are not an object', { checkpoints: 'sha256:x' }, ['/checkpoints']],
  ])('names every bad field: %s', (_name, plan, paths) => {
    expect(problems(plan).sort()).toEqual([...paths].sort());
  });

  it('reports inconsistent but computable plans as notes when not strict', () => {
    const plan = {
      releases: { trustedPartner: '2026-09-21T00:00:00Z', general: '2026-09-20T00:00:00Z' },
      grants: [{ start: '2026-08-01T00:00:00Z', end: '2026-09-01T00:00:00Z', outages: [{ start: '2026-10-01T00:00:00Z', end: '2026-10-02T00:00:00Z' }] }],
    };
    expect(problems(plan).sort()).toEqual(['/grants/0/outages/0', '/releases/trustedPartner']);
    const lenient = parseAccessPlan(plan, NOW, { strict: false });
    expect(lenient.ok && lenient.notes.map((n) => n.path).sort()).toEqual(['/grants/0/outages/0', '/releases/trustedPartner']);
    const inverted = parseAccessPlan({ grants: [{ start: '2026-09-01T00:00:00Z', end: '2026-08-01T00:00:00Z' }] }, NOW, { strict: false });
    expect(inverted.ok).toBe(false);
  });

  it('accepts what is valid: overlapping grants, touching outages, date-only and offset timestamps', () => {
    expect(
      problems({
        releases: { trustedPartner: '2026-09-20', general: '2026-09-20T02:00:00+02:00' },
        grants: [
          {
            start: '2026-08-01T00:00:00Z',
            end: '2026-08-21T00:00:00Z',
            outages: [
              { start: '2026-08-02', end: '2026-08-03' },
              { start: '2026-08-03', end: '2026-08-04', reason: 'maintenance' },
            ],
          },
          { start: '2026-08-11T00:00:00.250Z', end: '2026-09-05T00:00:00Z', outages: null },
        ],
        checkpoints: { tested: 'sha256:aa', released: null },
        releasesExtra: 1,
      }),
    ).toEqual([]);
    expect(parseTimestamp('2026-09-20T02:00:00+02:00')).toBe(Date.parse('2026-09-20T00:00:00Z'));
    expect(parseTimestamp('2028-02-29')).toBe(Date.parse('2028-02-29T00:00:00Z'));
    expect(parseTimestamp('2027-02-29')).toBeUndefined();
    expect(parseTimestamp('2026-09-20T23:60:00Z')).toBeUndefined();
    expect(parseTimestamp(1_789_862_400_000)).toBeUndefined();
  });
});

describe('interval algebra', () => {
  it('merges, subtracts and measures', () => {
    const u = unionOf([
      { start: 5, end: 8 },
      { start: 0, end: 2 },
      { start: 2, end: 3 },
      { start: 7, end: 10 },
      { start: 4, end: 4 },
    ]);
    expect(u).toEqual([
      { start: 0, end: 3 },
      { start: 5, end: 10 },
    ]);
    expect(
      subtract(
        u,
        unionOf([
          { start: 1, end: 6 },
          { start: 8, end: 9 },
          { start: 20, end: 30 },
        ]),
      ),
    ).toEqual([
      { start: 0, end: 1 },
      { start: 6, end: 8 },
      { start: 9, end: 10 },
    ]);
    expect(lengthUntil(u, 6)).toBe(4);
    expect(accessIntervals([{ start: 0, end: 10, outages: [{ start: 2, end: 3 }] }], 5)).toEqual([
      { start: 0, end: 2 },
      { start: 3, end: 5 },
    ]);
  });
});

// Property tests against a naive reference that walks a whole-hour grid hour by hour.
const HOUR = 3_600_000;
const T0 = Date.parse('2026-06-01T00:00:00Z');
const SPAN = 24 * 90; // hours on the grid
const at = (h: number): number => T0 + h * HOUR;

interface GridPlan {
  policy: AccessWindowPolicy;
  trustedPartner: number | undefined;
  general: number | undefined;
  grants: Array<{ start: number; end: number; outages: Array<{ start: number; end: number }> }>;
  tested: string | undefined;
  released: string | undefined;
  asOf: number;
}

const hourSpan = fc
  .tuple(fc.integer({ min: 0, max: SPAN }), fc.integer({ min: 1, max: 24 * 45 }))
  .map(([s, len]) => ({ start: s, end: Math.min(s + len, SPAN + 1) }));

const gridPlan = (validOnly: boolean): fc.Arbitrary<GridPlan> =>
  fc
    .record({
      policy: fc.record({
        windowDays: fc.integer({ min: 1, max: 60 }),
        mode: fc.constantFrom('minimum' as const, 'maximum' as const),
        milestone: fc.constantFrom('trusted_partner' as const, 'general' as const),
      }),
      trustedPartner: fc.option(fc.integer({ min: 0, max: SPAN }), { nil: undefined }),
      general: fc.option(fc.integer({ min: 0, max: SPAN }), { nil: undefined }),
      grants: fc.array(
        fc.record({
          span: hourSpan,
          outages: fc.array(fc.tuple(fc.integer({ min: -48, max: 24 * 45 }), fc.integer({ min: 1, max: 24 * 5 })), { maxLength: 3 }),
        }),
        { maxLength: 4 },
      ),
      tested: fc.option(fc.constantFrom('sha256:a', 'sha256:b'), { nil: undefined }),
      released: fc.option(fc.constantFrom('sha256:a', 'sha256:b'), { nil: undefined }),
      asOf: fc.integer({ min: 0, max: SPAN }),
    })
    .map((r) => {
      let { trustedPartner, general } = r;
      if (validOnly && trustedPartner !== undefined && general !== undefined && trustedPartner > general) [trustedPartner, general] = [general, trustedPartner];
      const grants = r.grants.map(({ span, outages }) => {
        // Outages placed relative to their grant; for valid plans: inside it and not overlapping each other.
        let list = outages.map(([offset, len]) => ({ start: span.start + offset, end: span.start + offset + len }));
        if (validOnly) {
          list = list.map((o) => ({ start: Math.max(o.start, span.start), end: Math.min(o.end, span.end) })).filter((o) => o.end > o.start);
          const kept: typeof list = [];
          for (const o of list) if (!kept.some((k) => o.start < k.end && k.start < o.end)) kept.push(o);
          list = kept;
        }
        return { start: span.start, end: span.end, outages: list };
      });
      return { ...r, trustedPartner, general, grants };
    });

/** The contract's definitions, computed by walking the grid one hour at a time. */
function naive(p: GridPlan): {
  releaseAt: number | null;
  leadTimeDays: number;
  effectiveAccessDays: number;
  scheduledAccessDays: number;
  status: AccessWindowStatus;
  lateByDays: number;
  drift: boolean;
} {
  const releaseH = p.policy.milestone === 'trusted_partner' ? (p.trustedPartner ?? p.general) : p.general;
  const drift = p.tested !== undefined && p.released !== undefined && p.tested !== p.released;
  const days = (hours: number): number => Math.round((hours * 100) / 24) / 100;
  const accessible = (h: number): boolean =>
    (releaseH === undefined || h < releaseH) &&
    p.grants.some((g) => g.start <= h && h < g.end) &&
    !p.grants.some((g) => g.outages.some((o) => o.start <= h && h < o.end));
  let effective = 0;
  let scheduled = 0;
  const until = releaseH === undefined ? p.asOf : Math.min(p.asOf, releaseH);
  for (let h = -100; h < SPAN + 24 * 50; h++) {
    if (!accessible(h)) continue;
    if (h < until) effective++;
    if (releaseH === undefined || h < releaseH) scheduled++;
  }
  if (releaseH === undefined)
    return {
      releaseAt: null,
      leadTimeDays: 0,
      effectiveAccessDays: days(effective),
      scheduledAccessDays: days(scheduled),
      status: 'no_release_date',
      lateByDays: 0,
      drift,
    };
  const starts = p.grants.map((g) => g.start).filter((s) => s < releaseH);
  const leadTimeDays = starts.length === 0 ? 0 : days(releaseH - Math.min(...starts));
  const e = days(effective);
  const s = days(scheduled);
  const w = p.policy.windowDays;
  let status: AccessWindowStatus;
  let lateByDays = 0;
  if (p.policy.mode === 'minimum') {
    if (p.asOf < releaseH) status = s >= w ? 'on_track' : 'at_risk';
    else if (e >= w) status = 'met';
    else if (e === 0) status = 'not_provided';
    else {
      status = 'late';
      lateByDays = Math.ceil(w - e - 1e-9);
    }
  } else if (p.asOf < releaseH) status = s > 0 ? 'on_track' : 'at_risk';
  else status = e > 0 ? 'met' : 'not_provided';
  return { releaseAt: at(releaseH), leadTimeDays, effectiveAccessDays: e, scheduledAccessDays: s, status, lateByDays, drift };
}

const toInput = (p: GridPlan): AccessWindowInput => ({
  policy: p.policy,
  releases: {
    ...(p.trustedPartner === undefined ? {} : { trustedPartner: at(p.trustedPartner) }),
    ...(p.general === undefined ? {} : { general: at(p.general) }),
  },
  grants: p.grants.map((g) => ({ start: at(g.start), end: at(g.end), outages: g.outages.map((o) => ({ start: at(o.start), end: at(o.end) })) })),
  checkpoints: { tested: p.tested, released: p.released },
  asOf: at(p.asOf),
});

const iso = (h: number): string => new Date(at(h)).toISOString();
const toJson = (p: GridPlan): unknown => ({
  policy: p.policy,
  releases: {
    trustedPartner: p.trustedPartner === undefined ? undefined : iso(p.trustedPartner),
    general: p.general === undefined ? undefined : iso(p.general),
  },
  grants: p.grants.map((g) => ({ start: iso(g.start), end: iso(g.end), outages: g.outages.map((o) => ({ start: iso(o.start), end: iso(o.end) })) })),
  checkpoints: { tested: p.tested, released: p.released },
  asOf: iso(p.asOf),
});

describe('the access window against a naive hour-by-hour reference', () => {
  it('agrees on every figure for arbitrary plans (overlapping grants and outages, both modes and milestones)', () => {
    fc.assert(
      fc.property(gridPlan(false), (p) => {
        expect(computeAccessWindow(toInput(p))).toEqual(naive(p));
      }),
      { numRuns: 400 },
    );
  });

  it('agrees through the JSON plan for valid plans, which the validator accepts', () => {
    fc.assert(
      fc.property(gridPlan(true), (p) => {
        const parsed = parseAccessPlan(JSON.parse(JSON.stringify(toJson(p))), NOW);
        expect(parsed.ok ? [] : parsed.problems).toEqual([]);
        if (!parsed.ok) return;
        const expected = naive(p);
        expect(accessWindowReport(computeAccessWindow(parsed.plan))).toEqual({
          ...expected,
          releaseAt: expected.releaseAt === null ? null : new Date(expected.releaseAt).toISOString(),
        });
      }),
      { numRuns: 300 },
    );
  });

  it('never reports less effective than scheduled access, nor access after the release', () => {
    fc.assert(
      fc.property(gridPlan(false), (p) => {
        const r = computeAccessWindow(toInput(p));
        expect(r.effectiveAccessDays).toBeLessThanOrEqual(r.scheduledAccessDays);
        if (r.releaseAt !== null) expect(r.scheduledAccessDays).toBeLessThanOrEqual(r.leadTimeDays);
        expect(r.lateByDays === 0 || r.status === 'late').toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
