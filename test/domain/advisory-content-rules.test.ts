import { describe, expect, it } from 'vitest';
import { assertContent, contentProblems, packageOf } from '../../src/domain/advisory/content-rules';
import { AppError } from '../../src/domain/errors';
import { FormatError } from '../../src/standards/problem';
import { advisoryContent } from '../advisories/fixtures';

const paths = (problems: readonly { path: string }[]) => problems.map((p) => p.path);

describe('advisory content rules (domain/advisory/content-rules)', () => {
  it('publishable content has no problems', () => {
    expect(contentProblems(advisoryContent())).toEqual([]);
    expect(() => assertContent(advisoryContent())).not.toThrow();
  });

  it('names the OSV package from ecosystem and name, or from a purl (npm scope with a slash, Maven with a colon)', () => {
    expect(packageOf({ ecosystem: 'PyPI', name: 'jinja2' })).toEqual({ ecosystem: 'PyPI', name: 'jinja2' });
    expect(packageOf({ purl: 'pkg:npm/%40scope/pkg' })).toEqual({ ecosystem: 'npm', name: '@scope/pkg' });
    expect(packageOf({ purl: 'pkg:maven/org.apache.logging.log4j/log4j-core' })).toEqual({ ecosystem: 'Maven', name: 'org.apache.logging.log4j:log4j-core' });
    expect(packageOf({ cpe: 'cpe:2.3:a:vendor:product:1.0:*:*:*:*:*:*:*' })).toBeNull();
    expect(() => packageOf({ purl: 'pkg:generic/thing' })).toThrow(FormatError);
  });

  it('names every bad field with its pointer: CVSS slots, CPE, purl, ecosystem and ranges', () => {
    const c = advisoryContent('x', {
      cvss: { v3_1: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', v4_0: 'CVSS:4.0/AV:X' },
      affected: [
        { cpe: 'cpe:2.3:not-a-cpe' },
        { purl: 'pkg:generic/thing', ranges: [] },
        { ecosystem: 'NoSuchEcosystem', name: 'p', ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }] }] },
        { ecosystem: 'npm', name: 'p', ranges: [{ type: 'SEMVER', events: [{ introduced: 'not a version' }] }] },
      ],
    });
    const found = contentProblems(c, '/content');
    expect(paths(found)).toEqual(
      expect.arrayContaining([
        '/content/cvss/v3_1',
        '/content/cvss/v4_0',
        '/content/affected/0/cpe',
        '/content/affected/1/purl',
        '/content/affected/2/ecosystem',
      ]),
    );
    expect(found.find((p) => p.path === '/content/cvss/v3_1')?.message).toMatch(/expected a CVSS 3\.1 vector, got 4\.0/);
    expect(paths(found).some((p) => p.startsWith('/content/affected/3/'))).toBe(true);
    // Only the products with problems are named.
    expect(
      paths(found)
        .filter((p) => p.startsWith('/content/affected/'))
        .every((p) => !p.startsWith('/content/affected/4')),
    ).toBe(true);
  });

  it('assertContent refuses with VALIDATION carrying every problem', () => {
    const c = advisoryContent('x', { cvss: { v3_1: 'nonsense', v4_0: null } as never, affected: [{ cpe: 'bad' }] });
    try {
      assertContent(c);
      expect.unreachable('assertContent accepted bad content');
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('VALIDATION');
      expect(paths((err as AppError).details ?? [])).toEqual(expect.arrayContaining(['/cvss/v3_1', '/affected/0/cpe']));
    }
  });
});
