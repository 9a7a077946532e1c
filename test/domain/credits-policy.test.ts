import { describe, expect, it } from 'vitest';
import type { AdvisoryCredit } from '../../src/domain/advisory/content';
import type { Principal } from '../../src/domain/identity/principal';
import {
  advisoryCreditsFor,
  creditReaderOf,
  type CreditReader,
  type FinderFacts,
  publicCredits,
  reportCreditsFor,
  type ReporterCredit,
} from '../../src/domain/policy/credits';

/**
 * Issue 9 item 2: the credit rule as a table. Lab A (an AI finder) is the reporter whose
 * credit is read; Lab B found the same bug and never consents. Each row: who reads,
 * whether the advisory is published, whether Lab A consented to public credit, and what
 * the reader sees of Lab A on the report and on the advisory drafted from it.
 */
const LAB_A = 'a0000000-0000-7000-8000-00000000000a';
const LAB_B = 'b0000000-0000-7000-8000-00000000000b';
const LAB_C = 'c0000000-0000-7000-8000-00000000000c';

const readers: Record<string, CreditReader> = {
  coordinator: { kind: 'coordinator' },
  reporter: { kind: 'organisation', organisationId: LAB_A },
  'other org': { kind: 'organisation', organisationId: LAB_C },
  anonymous: { kind: 'anonymous' },
};

type OnReport = 'all' | 'own + count' | 'count';
type OnAdvisory = 'public credit' | 'nothing';
const TABLE: [reader: string, published: boolean, consent: boolean, report: OnReport, advisory: OnAdvisory][] = [
  ['coordinator', false, false, 'all', 'nothing'],
  ['coordinator', false, true, 'all', 'public credit'],
  ['coordinator', true, false, 'all', 'nothing'],
  ['coordinator', true, true, 'all', 'public credit'],
  ['reporter', false, false, 'own + count', 'nothing'],
  ['reporter', false, true, 'own + count', 'nothing'],
  ['reporter', true, false, 'own + count', 'nothing'],
  ['reporter', true, true, 'own + count', 'public credit'],
  ['other org', false, false, 'count', 'nothing'],
  ['other org', false, true, 'count', 'nothing'],
  ['other org', true, false, 'count', 'nothing'],
  ['other org', true, true, 'count', 'public credit'],
  ['anonymous', false, false, 'count', 'nothing'],
  ['anonymous', false, true, 'count', 'nothing'],
  ['anonymous', true, false, 'count', 'nothing'],
  ['anonymous', true, true, 'count', 'public credit'],
];

const at = new Date('2026-06-01T00:00:00Z');
const reportCredits: ReporterCredit[] = [
  { organisationId: LAB_A, organisation: 'Lab A', findings: 2, models: ['frontier-x'], firstAt: at },
  { organisationId: LAB_B, organisation: 'Lab B', findings: 1, models: ['secret-model'], firstAt: at },
];
const finders = (consent: boolean): FinderFacts[] => [
  {
    organisation: 'Lab A',
    finderKind: 'ai',
    model: { name: 'frontier-x', version: '2026-05' },
    choice: consent ? { consent, name: 'Lab A Research', model: true } : { consent },
  },
  { organisation: 'Lab B', finderKind: 'hybrid', model: { name: 'secret-model' }, choice: { consent: false } },
];
const LAB_A_PUBLIC: AdvisoryCredit = { name: 'Lab A Research', kind: 'ai', role: 'FINDER', model: { name: 'frontier-x', version: '2026-05' } };

describe('credits policy matrix (reader × published × consent)', () => {
  it.each(TABLE)('%s, published %s, consent %s: report shows %s; advisory shows %s', (who, published, consent, onReport, onAdvisory) => {
    const reader = readers[who]!;
    const r = reportCreditsFor(reader, reportCredits);
    const expectedReport = { all: { ids: [LAB_A, LAB_B], others: 0 }, 'own + count': { ids: [LAB_A], others: 1 }, count: { ids: [], others: 2 } }[onReport];
    expect({ ids: r.credits.map((c) => c.organisationId), others: r.others }).toEqual(expectedReport);
    const advisory = advisoryCreditsFor(reader, published, publicCredits(finders(consent)));
    expect(advisory).toEqual(onAdvisory === 'public credit' ? [LAB_A_PUBLIC] : []);
    // Lab B never consented: its name and model never reach an advisory, whoever reads.
    expect(JSON.stringify(advisory)).not.toMatch(/Lab B|secret-model/);
  });
});

describe('public credits follow each finder’s choice', () => {
  const ai = (choice: FinderFacts['choice']): FinderFacts => ({ organisation: 'Lab A', finderKind: 'ai', model: { name: 'frontier-x' }, choice });
  it('names the model of an AI finder only when it chose so', () => {
    expect(publicCredits([ai({ consent: true, model: true })])).toEqual([{ name: 'Lab A', kind: 'ai', role: 'FINDER', model: { name: 'frontier-x' } }]);
    expect(publicCredits([ai({ consent: true })])).toEqual([{ name: 'Lab A', kind: 'organisation', role: 'FINDER' }]);
    expect(publicCredits([ai({ consent: true, model: false, name: 'The Fuzzing Team' })])).toEqual([
      { name: 'The Fuzzing Team', kind: 'organisation', role: 'FINDER' },
    ]);
  });
  it('leaves out findings without consent, or without any choice, and credits a finder once', () => {
    expect(publicCredits([ai(null), ai({ consent: false })])).toEqual([]);
    expect(publicCredits([ai({ consent: true, model: true }), ai({ consent: true, model: true })])).toHaveLength(1);
  });
  it('credits a person by the name it chose; a human finding names no model even if asked', () => {
    const human: FinderFacts = { organisation: 'Lab B', finderKind: 'human', model: null, choice: { consent: true, name: 'Grace H.', model: true } };
    expect(publicCredits([human])).toEqual([{ name: 'Grace H.', kind: 'human', role: 'FINDER' }]);
  });
  it('treats only the analysts and admins of a coordinating organisation as coordinators', () => {
    const p = (coordinator: boolean, role: Principal['role']): Principal => ({
      userId: 'u',
      organisationId: LAB_C,
      clientOf: null,
      coordinator,
      role,
      clearance: 'NONE',
      scopes: ['read'],
      label: 'x',
      tokenId: null,
    });
    expect(creditReaderOf(p(true, 'analyst'))).toEqual({ kind: 'coordinator' });
    expect(creditReaderOf(p(true, 'admin'))).toEqual({ kind: 'coordinator' });
    expect(creditReaderOf(p(true, 'member'))).toEqual({ kind: 'organisation', organisationId: LAB_C });
    expect(creditReaderOf(p(false, 'admin'))).toEqual({ kind: 'organisation', organisationId: LAB_C });
    expect(creditReaderOf(null)).toEqual({ kind: 'anonymous' });
  });
});
