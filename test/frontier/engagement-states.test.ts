import { describe, expect, it } from 'vitest';
import { RISK_DOMAIN_IDS, RISK_LEVELS } from '../../src/domain/frontier/assessment-vocabulary';
import {
  ENGAGEMENT_EVENT_PARTIES,
  ENGAGEMENT_EVENTS,
  ENGAGEMENT_PARTIES,
  ENGAGEMENT_STATES,
  ENGAGEMENT_TRANSITIONS,
  type EngagementParty,
  type EngagementState,
  transitionEngagement,
} from '../../src/domain/frontier/engagement-states';
import { REMEDIATION_EVENTS, REMEDIATION_STATES, REMEDIATION_TRANSITIONS, transitionRemediation } from '../../src/domain/frontier/finding-remediation';
import { mapFrameworkLevel, validateRiskScale } from '../../src/domain/frontier/risk-scale';
import { BUILT_IN_RISK_SCALES, riskScale } from '../../src/domain/frontier/risk-scales/index';
import anthropic from '../../src/domain/frontier/risk-scales/anthropic-rsp.json' with { type: 'json' };

const all = new Set<EngagementParty>(ENGAGEMENT_PARTIES);
const facts = (state: EngagementState) => ({ state, developerReviewRight: true, publicationRights: 'summary' as const });
const text = { reason: 'scope no longer needed', summary: 'No critical risk found.' };

describe('the engagement state machine', () => {
  // Written out, not read from the table: the path plus withdrawal from every non-end.
  const EXPECTED: Record<string, string> = {
    'scoped/request_access': 'access_pending',
    'access_pending/start': 'in_progress',
    'in_progress/submit_draft': 'draft_report',
    'draft_report/open_review': 'developer_review',
    'draft_report/finalise': 'final',
    'developer_review/close_review': 'final',
    'developer_review/finalise': 'final',
    'final/publish_summary': 'published_summary',
    'final/keep_confidential': 'confidential_only',
    ...Object.fromEntries(['scoped', 'access_pending', 'in_progress', 'draft_report', 'developer_review', 'final'].map((s) => [`${s}/withdraw`, 'withdrawn'])),
  };

  it('allows exactly the expected moves and refuses every other, naming what is allowed', () => {
    for (const state of ENGAGEMENT_STATES)
      for (const event of ENGAGEMENT_EVENTS) {
        const t = transitionEngagement(facts(state), event, all, text);
        const want = EXPECTED[`${state}/${event}`];
        if (want) expect(t, `${state}/${event}`).toEqual({ ok: true, state: want });
        else {
          expect(t.ok, `${state}/${event}`).toBe(false);
          if (!t.ok) expect(t.code).toBe('FORBIDDEN_TRANSITION');
        }
      }
    expect(Object.keys(EXPECTED).length).toBe(ENGAGEMENT_STATES.reduce((n, s) => n + Object.keys(ENGAGEMENT_TRANSITIONS[s]).length, 0));
  });

  it('lets only the party a move belongs to make it', () => {
    const WHO: Record<string, EngagementParty[]> = {
      request_access: ['commissioner', 'assessor'],
      start: ['assessor'],
      submit_draft: ['assessor'],
      open_review: ['developer'],
      close_review: ['developer'],
      finalise: ['assessor'],
      publish_summary: ['commissioner'],
      keep_confidential: ['commissioner'],
      withdraw: ['commissioner', 'assessor'],
    };
    for (const [key] of Object.entries(EXPECTED)) {
      const [state, event] = key.split('/') as [EngagementState, (typeof ENGAGEMENT_EVENTS)[number]];
      for (const party of ENGAGEMENT_PARTIES) {
        const t = transitionEngagement(facts(state), event, new Set([party]), text);
        expect(t.ok, `${party} ${key}`).toBe(WHO[event]!.includes(party));
        if (!t.ok) expect(t.code).toBe('NOT_A_PARTY');
      }
    }
    expect(Object.keys(ENGAGEMENT_EVENT_PARTIES).sort()).toEqual(Object.keys(WHO).sort());
  });

  it('needs a reason to withdraw and a summary to publish', () => {
    expect(transitionEngagement(facts('in_progress'), 'withdraw', all, { reason: '  ' })).toMatchObject({ ok: false, code: 'MISSING_TEXT', path: '/reason' });
    expect(transitionEngagement(facts('final'), 'publish_summary', all, {})).toMatchObject({ ok: false, code: 'MISSING_TEXT', path: '/summary' });
  });

  it('opens a developer review only with the right to review, and publishes only with publication rights', () => {
    expect(transitionEngagement({ ...facts('draft_report'), developerReviewRight: false }, 'open_review', all)).toMatchObject({
      ok: false,
      code: 'NOT_ALLOWED',
    });
    expect(transitionEngagement({ ...facts('draft_report'), developerReviewRight: false }, 'finalise', all)).toEqual({ ok: true, state: 'final' });
    expect(transitionEngagement({ ...facts('final'), publicationRights: 'none' }, 'publish_summary', all, text)).toMatchObject({
      ok: false,
      code: 'NOT_ALLOWED',
    });
    expect(transitionEngagement({ ...facts('final'), publicationRights: 'none' }, 'keep_confidential', all)).toEqual({ ok: true, state: 'confidential_only' });
  });
});

describe('the remediation state machine', () => {
  const EXPECTED: Record<string, string> = {
    'open/mitigate': 'mitigated_before_release',
    'open/accept': 'accepted',
    'open/dispute': 'disputed',
    'disputed/mitigate': 'mitigated_before_release',
    'disputed/accept': 'accepted',
    'disputed/reopen': 'open',
    'accepted/reopen': 'open',
    'mitigated_before_release/reopen': 'open',
  };
  const both = new Set<EngagementParty>(['developer', 'assessor']);

  it('allows exactly the expected moves, with a note and evidence', () => {
    for (const from of REMEDIATION_STATES)
      for (const event of REMEDIATION_EVENTS) {
        const t = transitionRemediation(from, { event, note: 'why', evidence: ['doc-1'] }, both);
        const want = EXPECTED[`${from}/${event}`];
        expect(t.ok ? t.state : undefined, `${from}/${event}`).toBe(want);
        if (!t.ok) expect(t.code).toBe('FORBIDDEN_TRANSITION');
      }
    expect(Object.keys(EXPECTED).length).toBe(REMEDIATION_STATES.reduce((n, s) => n + Object.keys(REMEDIATION_TRANSITIONS[s]).length, 0));
  });

  it('lets the developer answer and the assessor reopen, nobody else', () => {
    expect(transitionRemediation('open', { event: 'mitigate', note: 'n', evidence: ['e'] }, new Set(['assessor']))).toMatchObject({
      ok: false,
      code: 'NOT_A_PARTY',
    });
    expect(transitionRemediation('open', { event: 'accept', note: 'n' }, new Set(['commissioner']))).toMatchObject({ ok: false, code: 'NOT_A_PARTY' });
    expect(transitionRemediation('accepted', { event: 'reopen', note: 'n' }, new Set(['developer']))).toMatchObject({ ok: false, code: 'NOT_A_PARTY' });
    expect(transitionRemediation('accepted', { event: 'reopen', note: 'n' }, new Set(['assessor']))).toEqual({ ok: true, state: 'open' });
  });

  it('names every missing field at once: a note, and evidence to mitigate or dispute', () => {
    const t = transitionRemediation('open', { event: 'dispute', note: '', evidence: [''] }, both);
    expect(t).toMatchObject({ ok: false, code: 'VALIDATION' });
    if (!t.ok) expect(t.problems.map((p) => p.path).sort()).toEqual(['/evidence', '/evidence/0', '/note']);
    expect(transitionRemediation('open', { event: 'accept', note: 'risk accepted by the board' }, both)).toEqual({ ok: true, state: 'accepted' });
  });
});

describe('the risk-scale mappings', () => {
  it('ships valid tables covering Anthropic, OpenAI and Google DeepMind, each with a version and sources', () => {
    expect(BUILT_IN_RISK_SCALES.map((m) => m.id)).toEqual(['anthropic-rsp', 'openai-preparedness', 'google-deepmind-fsf']);
    for (const m of BUILT_IN_RISK_SCALES) {
      expect(m.version).toMatch(/\S/);
      expect(m.sources.length).toBeGreaterThan(0);
      for (const l of m.levels)
        for (const [d, v] of Object.entries(l.map)) expect([RISK_DOMAIN_IDS.includes(d as never), RISK_LEVELS.includes(v)]).toEqual([true, true]);
    }
  });

  it('maps a framework label to the common level per domain, and says when it cannot', () => {
    expect(mapFrameworkLevel(riskScale('anthropic-rsp')!, 'ASL-3', 'cbrn')).toEqual({ ok: true, level: 'high' });
    expect(mapFrameworkLevel(riskScale('openai-preparedness')!, 'Critical', 'cyber_offense')).toEqual({ ok: true, level: 'critical' });
    expect(mapFrameworkLevel(riskScale('google-deepmind-fsf')!, 'Alert threshold reached', 'persuasion_manipulation')).toEqual({ ok: true, level: 'medium' });
    expect(mapFrameworkLevel(riskScale('anthropic-rsp')!, 'ASL-3', 'persuasion_manipulation')).toMatchObject({ ok: false });
    const unknown = mapFrameworkLevel(riskScale('anthropic-rsp')!, 'ASL-9', 'cbrn');
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.message).toContain('ASL-1, ASL-2, ASL-3, ASL-4');
  });

  it('refuses a bad table naming every problem', () => {
    const bad = {
      ...anthropic,
      id: 'Bad Id',
      version: '',
      sources: [{ citation: 'x', url: 'http://insecure.example' }],
      levels: [
        { label: 'A', description: 'd', map: { cbrn: 'severe', telepathy: 'low' } },
        { label: 'A', description: '', map: {} },
      ],
    };
    const r = validateRiskScale(bad);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.problems.map((p) => p.path).sort()).toEqual(
        [
          '/id',
          '/version',
          '/sources/0/url',
          '/levels/0/map/cbrn',
          '/levels/0/map/telepathy',
          '/levels/1/label',
          '/levels/1/description',
          '/levels/1/map',
        ].sort(),
      );
    expect(validateRiskScale(anthropic).ok).toBe(true);
    expect(validateRiskScale([]).ok).toBe(false);
  });
});
