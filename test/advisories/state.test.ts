import { describe, expect, it } from 'vitest';
import { csafFileName, csafYearOf } from '../../src/domain/advisory/csaf-names';
import { contentShapeProblems, type AdvisoryContent } from '../../src/domain/advisory/content';
import { formatAdvisoryId, parseAdvisoryId } from '../../src/domain/advisory/id';
import { ADVISORY_EVENTS, ADVISORY_STATES, ADVISORY_TRANSITIONS, transition } from '../../src/domain/advisory/state';

describe('advisory state machine', () => {
  const allowed: [string, string, string][] = [
    ['draft', 'edit', 'draft'],
    ['draft', 'schedule', 'scheduled'],
    ['draft', 'publish', 'published'],
    ['scheduled', 'edit', 'scheduled'],
    ['scheduled', 'schedule', 'scheduled'],
    ['scheduled', 'unschedule', 'draft'],
    ['scheduled', 'publish', 'published'],
    ['published', 'revise', 'published'],
    ['published', 'withdraw', 'withdrawn'],
  ];

  it.each(allowed)('%s --%s--> %s', (from, event, to) => {
    expect(transition(from as never, event as never)).toEqual({ ok: true, state: to });
  });

  it('allows nothing else (every other state × event pair is refused with a typed error)', () => {
    const allowedKeys = new Set(allowed.map(([f, e]) => `${f}/${e}`));
    let refused = 0;
    for (const s of ADVISORY_STATES) {
      for (const e of ADVISORY_EVENTS) {
        if (allowedKeys.has(`${s}/${e}`)) continue;
        const r = transition(s, e);
        expect(r.ok, `${s}/${e}`).toBe(false);
        if (!r.ok) expect(r.error).toMatchObject({ code: 'FORBIDDEN_TRANSITION', from: s, event: e });
        refused++;
      }
    }
    // the table itself holds exactly the allowed moves
    expect(Object.values(ADVISORY_TRANSITIONS).reduce((n, m) => n + Object.keys(m).length, 0)).toBe(allowed.length);
    expect(refused).toBe(ADVISORY_STATES.length * ADVISORY_EVENTS.length - allowed.length);
  });

  it('keeps withdrawn terminal and never publishes a published advisory again', () => {
    for (const e of ADVISORY_EVENTS) expect(transition('withdrawn', e).ok).toBe(false);
    expect(transition('published', 'publish').ok).toBe(false);
    expect(transition('published', 'edit').ok).toBe(false);
    expect(transition('draft', 'withdraw').ok).toBe(false);
    expect(transition('draft', 'revise').ok).toBe(false);
  });
});

describe('advisory ids and CSAF file names', () => {
  it('formats and parses AISC-YYYY-NNNNN', () => {
    expect(formatAdvisoryId(2026, 1)).toBe('AISC-2026-00001');
    expect(formatAdvisoryId(2026, 123456)).toBe('AISC-2026-123456');
    expect(parseAdvisoryId('AISC-2026-00042')).toEqual({ year: 2026, n: 42 });
    expect(parseAdvisoryId('GHSA-xxxx-yyyy-zzzz')).toBeNull();
    expect(() => formatAdvisoryId(2026, 0)).toThrow();
  });

  it('names CSAF files as CSAF 2.0 §5.1 says', () => {
    expect(csafFileName('AISC-2026-00001')).toBe('aisc-2026-00001.json');
    expect(csafFileName('GHSA-2jhh-5xm2-j4gf')).toBe('ghsa-2jhh-5xm2-j4gf.json');
    expect(csafFileName('Example Company - 2019-YH3234')).toBe('example_company_-_2019-yh3234.json');
    expect(csafFileName('RHBA-2019:0024')).toBe('rhba-2019_0024.json');
    expect(csafFileName('a+b..c')).toBe('a+b_c.json');
    expect(csafYearOf('2021-07-05T00:01:22Z')).toBe('2021');
  });
});

describe('advisory content shape', () => {
  const base: AdvisoryContent = {
    title: 't',
    summary: '',
    description: '',
    aliases: [],
    affected: [{ ecosystem: 'npm', name: 'x' }],
    cvss: {},
    cweIds: [],
    remediations: [],
    references: [],
    credits: [],
  };
  it('names every bad field', () => {
    const problems = contentShapeProblems({
      ...base,
      cveId: 'CVE-26-1',
      cweIds: ['CWE-79', 'XSS', 'CWE-79'],
      affected: [{ ecosystem: 'npm' }, { cpe: 'cpe:2.3:a:x:y:1:*:*:*:*:*:*:*', purl: 'pkg:npm/x' }, {}],
      credits: [{ name: 'Finder', kind: 'ai', role: 'FINDER' }],
    });
    expect(problems.map((p) => p.path).sort()).toEqual(
      ['/affected/0', '/affected/1', '/affected/2', '/credits/0/model', '/cveId', '/cweIds/1', '/cweIds/2'].sort(),
    );
  });
  it('accepts a well-formed advisory', () => {
    expect(
      contentShapeProblems({
        ...base,
        cveId: 'CVE-2026-12345',
        cweIds: ['CWE-79'],
        credits: [{ name: 'Lab', kind: 'ai', role: 'FINDER', model: { name: 'm' } }],
      }),
    ).toEqual([]);
  });
});
