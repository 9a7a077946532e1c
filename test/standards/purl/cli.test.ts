import { describe, expect, it } from 'vitest';
import { run } from './cli-run';

describe('aisc purl', () => {
  it('parse --json prints the components and the canonical string', async () => {
    const r = await run(['purl', 'parse', '--json', 'pkg:Maven/org.apache.xmlgraphics/batik-anim@1.9.1?type=pom&repositorY_url=repo.spring.io/release']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({
      type: 'maven',
      namespace: 'org.apache.xmlgraphics',
      name: 'batik-anim',
      version: '1.9.1',
      qualifiers: { repository_url: 'repo.spring.io/release', type: 'pom' },
      subpath: null,
      purl: 'pkg:maven/org.apache.xmlgraphics/batik-anim@1.9.1?repository_url=repo.spring.io%2Frelease&type=pom',
    });
  });

  it('normalize reads stdin one purl per line, in order', async () => {
    const r = await run(['purl', 'normalize'], 'pkg:PYPI/Django_package@1.11.1.dev1\n\npkg:npm/@babel/core#/googleapis/api/annotations/\n');
    expect(r.code).toBe(0);
    expect(r.out).toBe('pkg:pypi/django-package@1.11.1.dev1\npkg:npm/%40babel/core#googleapis/api/annotations\n');
  });

  it('an invalid purl is one line on stderr and a non-zero exit', async () => {
    const r = await run(['purl', 'parse', 'pkg:cpan/URI::PackageURL']);
    expect(r.code).not.toBe(0);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/::/);
  });
});
