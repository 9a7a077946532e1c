import { describe, expect, it } from 'vitest';
import { CASE_EVENTS, CASE_STATES, CASE_TRANSITIONS, transitionCase } from '../../src/domain/cases/case-states';
import {
  acceptEvent,
  EMBARGO_EVENTS,
  EMBARGO_STATES,
  EMBARGO_TRANSITIONS,
  proposalEvent,
  rejectEvent,
  transitionEmbargo,
} from '../../src/domain/cases/embargo-states';
import { checkPolicy, checkProposal, DEFAULT_EMBARGO_POLICY, defaultEmbargoEnd, embargoDays, reminderTimes } from '../../src/domain/cases/embargo-policy';
import { parseStatement, VEX_JUSTIFICATIONS, type VexJustification } from '../../src/domain/cases/vendor-statement';
import type { OpenVexJustification } from '../../src/standards/openvex/types';

const allowedCase = CASE_STATES.flatMap((s) => Object.entries(CASE_TRANSITIONS[s]).map(([e, to]) => [s, e, to] as const));
const forbiddenCase = CASE_STATES.flatMap((s) => CASE_EVENTS.filter((e) => !(e in CASE_TRANSITIONS[s])).map((e) => [s, e] as const));

describe('case state machine', () => {
  it.each(allowedCase)('%s --%s--> %s', (from, event, to) => {
    expect(transitionCase(from, event as (typeof CASE_EVENTS)[number])).toEqual({ ok: true, state: to });
  });
  it.each(forbiddenCase)('refuses %s --%s', (from, event) => {
    const r = transitionCase(from, event);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'FORBIDDEN_TRANSITION', from, event });
  });
  it('has both allowed and forbidden moves from every state but nothing out of closed except reopen', () => {
    expect(forbiddenCase.length).toBeGreaterThan(15);
    expect(Object.keys(CASE_TRANSITIONS.closed)).toEqual(['reopen']);
    expect(transitionCase('disclosed', 'embargo').ok).toBe(false);
    expect(transitionCase('open', 'disclose').ok).toBe(false);
  });
});

const allowedEm = EMBARGO_STATES.flatMap((s) => Object.entries(EMBARGO_TRANSITIONS[s]).map(([e, to]) => [s, e, to] as const));
const forbiddenEm = EMBARGO_STATES.flatMap((s) => EMBARGO_EVENTS.filter((e) => !(e in EMBARGO_TRANSITIONS[s])).map((e) => [s, e] as const));

describe('embargo state machine (Vultron EM)', () => {
  it.each(allowedEm)('%s --%s--> %s', (from, event, to) => {
    expect(transitionEmbargo(from, event as (typeof EMBARGO_EVENTS)[number])).toEqual({ ok: true, state: to });
  });
  it.each(forbiddenEm)('refuses %s --%s', (from, event) => {
    expect(transitionEmbargo(from, event).ok).toBe(false);
  });
  it('maps protocol steps onto events, and exited is terminal', () => {
    expect(EMBARGO_STATES.map(proposalEvent)).toEqual(['propose', 'propose', 'propose-revision', 'propose-revision', null]);
    expect(EMBARGO_STATES.map(acceptEvent)).toEqual([null, 'accept', null, 'accept-revision', null]);
    expect(EMBARGO_STATES.map(rejectEvent)).toEqual([null, 'reject', null, 'reject-revision', null]);
    for (const e of EMBARGO_EVENTS) expect(transitionEmbargo('exited', e).ok).toBe(false);
    // Every proposal/accept event the helpers name is allowed in its state.
    for (const s of EMBARGO_STATES)
      for (const f of [proposalEvent, acceptEvent, rejectEvent]) {
        const e = f(s);
        if (e) expect(transitionEmbargo(s, e).ok).toBe(true);
      }
  });
});

describe('embargo policy', () => {
  const notice = new Date('2026-03-01T09:00:00.000Z');
  it('defaults to 90 days from first notice, 7 when exploited or a fix bypass', () => {
    expect(defaultEmbargoEnd({ firstNoticeAt: notice, exploited: false, fixBypass: false }, DEFAULT_EMBARGO_POLICY).toISOString()).toBe(
      '2026-05-30T09:00:00.000Z',
    );
    expect(defaultEmbargoEnd({ firstNoticeAt: notice, exploited: true, fixBypass: false }, DEFAULT_EMBARGO_POLICY).toISOString()).toBe(
      '2026-03-08T09:00:00.000Z',
    );
    expect(defaultEmbargoEnd({ firstNoticeAt: notice, exploited: false, fixBypass: true }, DEFAULT_EMBARGO_POLICY).toISOString()).toBe(
      '2026-03-08T09:00:00.000Z',
    );
  });
  it('takes its days from the policy settings, the shortest that applies', () => {
    const policy = { ...DEFAULT_EMBARGO_POLICY, defaultDays: 45, exploitedDays: 5, fixBypassDays: 14 };
    expect(embargoDays({ exploited: false, fixBypass: false }, policy)).toBe(45);
    expect(embargoDays({ exploited: false, fixBypass: true }, policy)).toBe(14);
    expect(embargoDays({ exploited: true, fixBypass: true }, policy)).toBe(5);
  });
  it('needs a reason for an extension, and a future date', () => {
    const now = new Date('2026-04-01T00:00:00.000Z');
    const agreed = new Date('2026-05-01T00:00:00.000Z');
    expect(checkProposal({ publicAt: new Date('2026-06-01T00:00:00.000Z'), reason: null }, agreed, now)).toEqual([
      { path: '/reason', message: expect.stringContaining('reason') },
    ]);
    expect(checkProposal({ publicAt: new Date('2026-06-01T00:00:00.000Z'), reason: 'vendor needs a release cycle' }, agreed, now)).toEqual([]);
    expect(checkProposal({ publicAt: new Date('2026-04-15T00:00:00.000Z'), reason: null }, agreed, now)).toEqual([]);
    expect(checkProposal({ publicAt: new Date('2026-03-01T00:00:00.000Z'), reason: null }, null, now).map((p) => p.path)).toEqual(['/publicAt']);
    expect(checkProposal({ publicAt: new Date('nope'), reason: null }, null, now).map((p) => p.path)).toEqual(['/publicAt']);
  });
  it('computes reminders at the offsets that are still ahead, earliest first', () => {
    const deadline = new Date('2026-05-30T09:00:00.000Z');
    const times = reminderTimes(deadline, [60, 7 * 24 * 60, 24 * 60, 60], new Date('2026-05-01T00:00:00.000Z'));
    expect(times.map((t) => t.toISOString())).toEqual(['2026-05-23T09:00:00.000Z', '2026-05-29T09:00:00.000Z', '2026-05-30T08:00:00.000Z']);
    expect(reminderTimes(deadline, [7 * 24 * 60, 24 * 60, 60], new Date('2026-05-29T12:00:00.000Z')).map((t) => t.toISOString())).toEqual([
      '2026-05-30T08:00:00.000Z',
    ]);
    expect(reminderTimes(deadline, [60], deadline)).toEqual([]);
  });
  it('names every bad policy field', () => {
    expect(checkPolicy({ defaultDays: 0, exploitedDays: 1.5, fixBypassDays: 7, reminderOffsetsMinutes: [60, -1] }).map((p) => p.path)).toEqual([
      '/defaultDays',
      '/exploitedDays',
      '/reminderOffsetsMinutes/1',
    ]);
    expect(checkPolicy(DEFAULT_EMBARGO_POLICY)).toEqual([]);
  });
});

describe('vendor statements', () => {
  it('uses exactly the OpenVEX / CSAF justification vocabulary', () => {
    // Both directions at compile time: every label ours is OpenVEX's and every OpenVEX label is ours.
    const j: readonly OpenVexJustification[] = VEX_JUSTIFICATIONS;
    const all: Record<OpenVexJustification, true> = {
      component_not_present: true,
      vulnerable_code_not_present: true,
      vulnerable_code_not_in_execute_path: true,
      vulnerable_code_cannot_be_controlled_by_adversary: true,
      inline_mitigations_already_exist: true,
    };
    expect([...j].sort()).toEqual((Object.keys(all) as VexJustification[]).sort());
  });
  it('accepts each status with what it needs', () => {
    expect(parseStatement({ status: 'affected' })).toMatchObject({ ok: true, statement: { status: 'affected', justification: null, fixedVersions: [] } });
    expect(parseStatement({ status: 'under_investigation' }).ok).toBe(true);
    expect(parseStatement({ status: 'not_affected', justification: 'component_not_present' })).toMatchObject({
      ok: true,
      statement: { justification: 'component_not_present' },
    });
    expect(parseStatement({ status: 'fixed', fixedVersions: ['1.2.4', '2.0.1'] })).toMatchObject({
      ok: true,
      statement: { fixedVersions: ['1.2.4', '2.0.1'] },
    });
  });
  it('names every bad field', () => {
    const paths = (r: ReturnType<typeof parseStatement>) => (r.ok ? [] : r.problems.map((p) => p.path));
    expect(paths(parseStatement({ status: 'not_affected' }))).toEqual(['/justification']);
    expect(paths(parseStatement({ status: 'not_affected', justification: 'because' }))).toEqual(['/justification']);
    expect(paths(parseStatement({ status: 'fixed' }))).toEqual(['/fixedVersions']);
    expect(paths(parseStatement({ status: 'fixed', fixedVersions: ['1.0', ' '] }))).toEqual(['/fixedVersions/1']);
    expect(paths(parseStatement({ status: 'affected', justification: 'component_not_present', fixedVersions: ['1'] }))).toEqual([
      '/justification',
      '/fixedVersions',
    ]);
    expect(paths(parseStatement({ status: 'maybe' }))).toEqual(['/status']);
  });
});
