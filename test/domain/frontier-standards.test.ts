import { describe, expect, it } from 'vitest';
import { attestationProblems, attestationStanding, reviewProblems } from '../../src/domain/frontier/attestation';
import { practiceOf, validatePracticeCatalogue } from '../../src/domain/frontier/practice-catalogue';
import { BUILT_IN_PRACTICE_CATALOGUES } from '../../src/domain/frontier/practices/index';

describe('the shipped practice catalogue', () => {
  it('is valid, sourced, and says for every practice whether evidence is required', () => {
    const [c] = BUILT_IN_PRACTICE_CATALOGUES;
    expect(c!.practices.map((p) => p.id)).toEqual([
      'pre-release-government-access',
      'third-party-assessment-before-release',
      'model-weight-security',
      'incident-reporting',
      'vulnerability-disclosure-policy',
      'cyber-capability-red-teaming',
    ]);
    for (const p of c!.practices) {
      expect(p.sources.length, p.id).toBeGreaterThan(0);
      expect(typeof p.evidenceRequired, p.id).toBe('boolean');
    }
  });

  it('names every bad field of a catalogue document', () => {
    const r = validatePracticeCatalogue({
      version: 'bad version!',
      practices: [
        { id: 'Not A Slug', title: 'x', description: 'y', sources: [] },
        { id: 'dup', title: 'x', description: 'y', evidenceRequired: true, sources: [{ citation: 'c', url: 'http://insecure' }], extra: 1 },
        { id: 'dup', title: 'x', description: 'y', evidenceRequired: 'yes', sources: [{ citation: '' }] },
      ],
    });
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.problems.map((p) => p.path)).toEqual([
      '/version',
      '/title',
      '/practices/0/id',
      '/practices/0/evidenceRequired',
      '/practices/0/sources',
      '/practices/1/extra',
      '/practices/1/sources/0/url',
      '/practices/2/evidenceRequired',
      '/practices/2/sources/0/citation',
      '/practices/2/id',
    ]);
  });
});

const catalogue = BUILT_IN_PRACTICE_CATALOGUES[0]!;
const ids = catalogue.practices.map((p) => p.id);
const NOW = new Date('2026-12-03T12:00:00Z');
const DAY = 86_400_000;
const later = (d: number) => new Date(NOW.getTime() + d * DAY);
const check = (practiceId: string, claim: Parameters<typeof attestationProblems>[0]) =>
  attestationProblems(claim, practiceOf(catalogue, practiceId), ids, NOW).map((p) => p.path);

describe('attestation checks', () => {
  it('need evidence to claim a practice that requires it, not to plan it or to claim one that does not', () => {
    expect(check('incident-reporting', { status: 'implemented', evidence: [], expiresAt: later(10) })).toEqual(['/evidence']);
    expect(check('incident-reporting', { status: 'partial', evidence: [], expiresAt: later(10) })).toEqual(['/evidence']);
    expect(check('incident-reporting', { status: 'planned', evidence: [], expiresAt: later(10) })).toEqual([]);
    expect(check('cyber-capability-red-teaming', { status: 'implemented', evidence: [], expiresAt: later(10) })).toEqual([]);
    expect(check('incident-reporting', { status: 'implemented', evidence: [{ kind: 'document', ref: 'IR process v3' }], expiresAt: later(10) })).toEqual([]);
  });

  it('name every bad field at once: unknown practice, evidence refs, a missing statement, the expiry', () => {
    const problems = attestationProblems(
      {
        status: 'not_applicable',
        evidence: [
          { kind: 'link', ref: 'http://plain' },
          { kind: 'assessment', ref: '42' },
          { kind: 'document', ref: ' ' },
        ],
        expiresAt: later(0),
      },
      undefined,
      ids,
      NOW,
    );
    expect(problems.map((p) => p.path)).toEqual(['/practiceId', '/evidence/0/ref', '/evidence/1/ref', '/evidence/2/ref', '/statement', '/expiresAt']);
    expect(problems[0]!.message).toContain('incident-reporting');
    expect(check('incident-reporting', { status: 'planned', evidence: [], expiresAt: later(6 * 366) })).toEqual(['/expiresAt']);
    expect(check('incident-reporting', { status: 'planned', evidence: [], expiresAt: new Date('nope') })).toEqual(['/expiresAt']);
  });

  it('expire at the expiry instant, computed from the time given', () => {
    expect(attestationStanding(later(1), NOW)).toBe('current');
    expect(attestationStanding(NOW, NOW)).toBe('expired');
    expect(attestationStanding(later(-1), NOW)).toBe('expired');
  });

  it('need a comment to question, not to accept', () => {
    expect(reviewProblems('questioned', '')).toEqual([{ path: '/comment', message: 'is required when questioning an attestation' }]);
    expect(reviewProblems('questioned', 'Which controls?')).toEqual([]);
    expect(reviewProblems('accepted', undefined)).toEqual([]);
  });
});
