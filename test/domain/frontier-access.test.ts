import { describe, expect, it } from 'vitest';
import {
  ACCESS_KIND_IDS,
  ACCESS_KINDS,
  accessPolicyProblems,
  budgetProblems,
  DEFAULT_ACCESS_POLICY,
  normaliseAccessPolicy,
  termsProblems,
  TERMS_PROTECTION_IDS,
} from '../../src/domain/frontier/access-vocabulary';
import { dueReminders, reminderHorizonMs, reminderKey } from '../../src/domain/frontier/access-reminders';
import { mayHoldGrants, PARTNER_EVENTS, PARTNER_STATES, PARTNER_TRANSITIONS, transitionPartner } from '../../src/domain/frontier/partner-states';

const DAY = 86_400_000;
const at = (iso: string) => new Date(iso);

describe('access vocabulary', () => {
  it('names every access kind once, each with an access level', () => {
    expect(new Set(ACCESS_KIND_IDS).size).toBe(ACCESS_KINDS.length);
    expect(ACCESS_KIND_IDS).toEqual(
      expect.arrayContaining(['api_production', 'api_reduced_safeguards', 'api_safeguard_free', 'reasoning_traces', 'fine_tuning', 'weights_secure_enclave']),
    );
    for (const k of ACCESS_KINDS) expect(['AL1', 'AL2', 'AL3']).toContain(k.level);
  });
});

describe('access policy', () => {
  it('accepts the default and both readings of the order', () => {
    expect(accessPolicyProblems(DEFAULT_ACCESS_POLICY)).toEqual([]);
    expect(accessPolicyProblems({ windowDays: 30, mode: 'maximum', milestone: 'trusted_partner', reminderOffsetsDays: [] })).toEqual([]);
  });

  it('names every bad field', () => {
    const bad = { windowDays: 0, mode: 'sometimes', milestone: 'launch', reminderOffsetsDays: [7, -1, 2.5] } as never;
    expect(accessPolicyProblems(bad).map((p) => p.path)).toEqual(['/windowDays', '/mode', '/milestone', '/reminderOffsetsDays/1', '/reminderOffsetsDays/2']);
    expect(accessPolicyProblems({ ...DEFAULT_ACCESS_POLICY, windowDays: 3651 }).map((p) => p.path)).toEqual(['/windowDays']);
    expect(accessPolicyProblems({ ...DEFAULT_ACCESS_POLICY, reminderOffsetsDays: Array.from({ length: 21 }, (_, i) => i) }).map((p) => p.path)).toEqual([
      '/reminderOffsetsDays',
    ]);
  });

  it('stores offsets without repeats, largest first', () => {
    expect(normaliseAccessPolicy({ ...DEFAULT_ACCESS_POLICY, reminderOffsetsDays: [1, 14, 1, 30] }).reminderOffsetsDays).toEqual([30, 14, 1]);
  });
});

describe('grant budgets and terms', () => {
  it('accepts absent and non-negative budgets', () => {
    expect(budgetProblems({})).toEqual([]);
    expect(budgetProblems({ queries: 0, tokens: 100_000_000, computeHours: 12.5 })).toEqual([]);
    expect(budgetProblems({ queries: null, tokens: null, computeHours: null })).toEqual([]);
  });

  it('names negative, fractional and non-finite budgets', () => {
    expect(budgetProblems({ queries: -1, tokens: 1.5, computeHours: Number.NaN }, '/grants/0')).toEqual([
      { path: '/grants/0/budgets/queries', message: 'must be a non-negative number' },
      { path: '/grants/0/budgets/tokens', message: 'must be a whole number' },
      { path: '/grants/0/budgets/computeHours', message: 'must be a non-negative number' },
    ]);
  });

  it('accepts one term per protection and names repeats, unknown protections and empty details', () => {
    expect(termsProblems(TERMS_PROTECTION_IDS.map((protection) => ({ protection, detail: 'as agreed' })))).toEqual([]);
    const bad = [
      { protection: 'confidentiality_nda', detail: 'NDA of 2026-05-01' },
      { protection: 'confidentiality_nda', detail: 'again' },
      { protection: 'export_control', detail: 'x' },
      { protection: 'use_restrictions', detail: '  ' },
    ] as never;
    expect(termsProblems(bad).map((p) => p.path)).toEqual(['/terms/1/protection', '/terms/2/protection', '/terms/3/detail']);
  });
});

describe('trusted-partner vetting', () => {
  const allowed: [string, string, string][] = [
    ['nominated', 'start-vetting', 'vetting'],
    ['nominated', 'withdraw', 'withdrawn'],
    ['vetting', 'approve', 'approved'],
    ['vetting', 'decline', 'declined'],
    ['vetting', 'withdraw', 'withdrawn'],
    ['approved', 'withdraw', 'withdrawn'],
  ];

  it.each(allowed)('%s --%s--> %s', (from, event, to) => {
    expect(transitionPartner(from as never, event as never)).toEqual({ ok: true, state: to });
  });

  it('allows exactly the listed transitions', () => {
    const all = PARTNER_STATES.flatMap((s) => PARTNER_EVENTS.filter((e) => PARTNER_TRANSITIONS[s][e]).map((e) => [s, e, PARTNER_TRANSITIONS[s][e]]));
    expect(all).toEqual(allowed);
  });

  it.each([
    ['nominated', 'approve'],
    ['nominated', 'decline'],
    ['vetting', 'start-vetting'],
    ['approved', 'decline'],
    ['declined', 'approve'],
    ['withdrawn', 'start-vetting'],
  ])('refuses %s --%s-->', (from, event) => {
    const r = transitionPartner(from as never, event as never);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(from);
  });

  it('lets only approved partners hold grants', () => {
    expect(PARTNER_STATES.filter(mayHoldGrants)).toEqual(['approved']);
  });
});

describe('reminders due at a time', () => {
  const general = at('2026-09-30T00:00:00Z');
  const trusted = at('2026-09-10T00:00:00Z');
  const offsets = [30, 14, 7, 1];

  it('is empty before the first offset and after the milestone', () => {
    expect(dueReminders({ trusted_partner: null, general }, offsets, new Date(general.getTime() - 31 * DAY))).toEqual([]);
    expect(dueReminders({ trusted_partner: null, general }, offsets, general)).toEqual([]);
    expect(dueReminders({ trusted_partner: null, general: null }, offsets, general)).toEqual([]);
    expect(dueReminders({ trusted_partner: null, general }, [], new Date(general.getTime() - DAY))).toEqual([]);
  });

  it('falls due exactly at milestone − offset, and the newest reached offset is the one due', () => {
    const justBefore = new Date(general.getTime() - 14 * DAY - 1);
    expect(dueReminders({ trusted_partner: null, general }, offsets, justBefore).map((r) => r.offsetDays)).toEqual([30]);
    const on = new Date(general.getTime() - 14 * DAY);
    expect(dueReminders({ trusted_partner: null, general }, offsets, on)).toEqual([{ milestone: 'general', milestoneAt: general, offsetDays: 14, dueAt: on }]);
  });

  it('gives each milestone its own reminder', () => {
    const now = at('2026-09-09T12:00:00Z');
    expect(dueReminders({ trusted_partner: trusted, general }, offsets, now).map((r) => [r.milestone, r.offsetDays])).toEqual([
      ['trusted_partner', 1],
      ['general', 30],
    ]);
  });

  it('leaves out reminders already sent, so each is sent once', () => {
    const now = new Date(general.getTime() - 7 * DAY);
    const [r] = dueReminders({ trusted_partner: null, general }, offsets, now);
    expect(dueReminders({ trusted_partner: null, general }, offsets, now, new Set([reminderKey(r!)]))).toEqual([]);
    // A slipped date is a new milestone date: its reminders are new.
    const slipped = new Date(general.getTime() + 7 * DAY);
    expect(dueReminders({ trusted_partner: null, general: slipped }, offsets, now, new Set([reminderKey(r!)])).map((x) => x.offsetDays)).toEqual([14]);
  });

  it('looks as far ahead as the largest offset', () => {
    expect(reminderHorizonMs(offsets)).toBe(30 * DAY);
    expect(reminderHorizonMs([])).toBe(0);
  });
});
