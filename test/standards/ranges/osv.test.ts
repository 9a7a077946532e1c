import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FormatError } from '../../../src/standards/problem';
import { compileAffected, type OsvAffected } from '../../../src/standards/ranges';
import { ecosystemFor, type ParsedVersion } from '../../../src/standards/versions';
import { vectorPath } from '../../helpers/vectors';

function affected(ecosystem: string, entry: OsvAffected, version: string): boolean {
  return compileAffected(entry, ecosystem).matches(ecosystemFor(ecosystem).parse(version));
}

const range = (type: string, ...events: Record<string, string>[]): OsvAffected => ({ ranges: [{ type, events }] });

describe('compileAffected (OSV 1.7 evaluation)', () => {
  it('introduced/fixed bounds a half-open interval', () => {
    const e = range('ECOSYSTEM', { introduced: '1.0' }, { fixed: '1.4.2' });
    expect(['0.9', '1.0', '1.4.1', '1.4.2', '2.0'].map((v) => affected('PyPI', e, v))).toEqual([false, true, true, false, false]);
  });

  it('introduced "0" is below every version; last_affected is inclusive', () => {
    const e = range('ECOSYSTEM', { introduced: '0' }, { last_affected: '2:1.2-3' });
    expect(['0:0.1', '2:1.2-3', '2:1.2-3+b1', '3:0'].map((v) => affected('Debian:12', e, v))).toEqual([true, true, false, false]);
  });

  it('events need not be in order, and several intervals may be open and closed', () => {
    const e = range('SEMVER', { fixed: '1.2.0' }, { introduced: '2.0.0' }, { introduced: '1.0.0' }, { fixed: '2.1.3' });
    expect(['0.5.0', '1.1.9', '1.2.0', '1.9.0', '2.0.0', '2.1.2', '2.1.3', '3.0.0'].map((v) => affected('Go', e, v))).toEqual([
      false,
      true,
      false,
      false,
      true,
      true,
      false,
      false,
    ]);
  });

  it('a range left open stays affected; limit caps it', () => {
    expect(affected('npm', range('SEMVER', { introduced: '1.0.0' }), '99.0.0')).toBe(true);
    expect(affected('npm', range('SEMVER', { introduced: '1.0.0' }, { limit: '3.0.0' }), '99.0.0')).toBe(false);
    expect(affected('npm', range('SEMVER', { introduced: '1.0.0' }, { limit: '3.0.0' }), '2.0.0')).toBe(true);
  });

  it('matches listed versions, by order or exact text, and ignores GIT ranges for versions', () => {
    const e: OsvAffected = {
      versions: ['1.0', 'some-tag'],
      ranges: [{ type: 'GIT', repo: 'https://example.org/r', events: [{ introduced: 'abc' }] }],
    };
    const m = compileAffected(e, 'Maven');
    expect(m.gitRanges).toBe(1);
    expect(m.matches(ecosystemFor('Maven').parse('1.0.0'))).toBe(true);
    expect(m.matches(ecosystemFor('Maven').parse('some-tag'))).toBe(true);
    expect(m.matches(ecosystemFor('Maven').parse('1.1'))).toBe(false);
  });

  it('long version lists (searched, not scanned) match exactly what a scan of every listed version matches', () => {
    // GHSA records list hundreds of versions; equal spellings (`1.2` = `1.2.0` in PEP 440 and Maven) must still match.
    for (const [eco, spellings] of [
      ['PyPI', (i: number) => [`1.${i}`, `1.${i}.0`, `1.${i}.post1`, `1.${i}rc1`]],
      ['Maven', (i: number) => [`1.${i}`, `1.${i}.0`, `1.${i}-SNAPSHOT`, `1.${i}.final`]],
      ['npm', (i: number) => [`1.${i}.0`, `1.${i}.1`, `1.${i}.0-beta.1`, `v1.${i}.0`]],
    ] as const) {
      const scheme = ecosystemFor(eco);
      const listed = Array.from({ length: 60 }, (_, i) => spellings(i * 2)[i % 2]!).filter((v) => {
        try {
          scheme.parse(v);
          return true;
        } catch {
          return false;
        }
      });
      const m = compileAffected({ versions: listed }, eco);
      for (let i = 0; i < 130; i++) {
        for (const text of spellings(i)) {
          let v: ParsedVersion;
          try {
            v = scheme.parse(text);
          } catch {
            continue;
          }
          const scanned =
            listed.some((l) => {
              try {
                return scheme.compare(v, scheme.parse(l)) === 0;
              } catch {
                return false;
              }
            }) || listed.includes(text);
          expect(m.matches(v), `${eco} ${text}`).toBe(scanned);
        }
      }
    }
  });

  it('SEMVER ranges accept OSV Go versions without the v prefix, and pre-releases order correctly', () => {
    const e = range('SEMVER', { introduced: '0' }, { fixed: '0.0.0-20220315160706-3147a52a75dd' });
    expect(affected('Go', e, 'v0.0.0-20210817164053-32db794688a5')).toBe(true);
    expect(affected('Go', e, '0.1.0')).toBe(false);
  });

  it('reports every malformed event with its JSON Pointer', () => {
    const bad = {
      ranges: [
        { type: 'ECOSYSTEM', events: [{ introduced: 'not a version' }, { fixed: '1', extra: 'x' }] },
        { type: 'WAT', events: [] },
      ],
    };
    let err: unknown;
    try {
      compileAffected(bad as unknown as OsvAffected, 'npm');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(FormatError);
    expect((err as FormatError).problems.map((p) => p.path)).toEqual(['/ranges/0/events/0/introduced', '/ranges/0/events/1', '/ranges/1/type']);
  });
});

const ADVISORIES = vectorPath('advisories');

/** Records whose `versions` list disagrees with their own ranges, reviewed by hand. */
const INCONSISTENT_RECORDS: Record<string, string> = {
  'PYSEC-2023-61': 'lists 3.2a1…4.2rc1, which PEP 440 orders before the introduced 3.2 / 4.2',
  'PYSEC-2023-177': 'versions enumerated from the GIT range, past the ECOSYSTEM fix 23.9.0',
  'PYSEC-2024-1': 'a versions list and no ranges at all',
  'PYSEC-2021-114': 'overlapping ranges (introduced 0 … fixed 2.11.6 inside introduced 2.11 … fixed 2.11.7)',
};

describe('real OSV advisories (test/vectors/advisories)', () => {
  it('every affected entry compiles, and its ranges cover every listed version', () => {
    let entries = 0;
    let listed = 0;
    const uncovered: string[] = [];
    for (const file of ['go-vulndb.osv.ndjson', 'pypa.osv.ndjson', 'rustsec.osv.ndjson']) {
      for (const line of readFileSync(join(ADVISORIES, file), 'utf8').split('\n')) {
        if (!line.trim()) continue;
        const record = JSON.parse(line) as { id: string; affected?: (OsvAffected & { package: { ecosystem: string } })[] };
        for (const a of record.affected ?? []) {
          entries++;
          const eco = ecosystemFor(a.package.ecosystem);
          const byRanges = compileAffected({ ranges: a.ranges ?? [] }, eco);
          for (const v of a.versions ?? []) {
            let parsed: ParsedVersion;
            try {
              parsed = eco.parse(v);
            } catch {
              continue;
            }
            listed++;
            if (!byRanges.matches(parsed)) uncovered.push(`${record.id} ${a.package.ecosystem} ${v}`);
          }
        }
      }
    }
    console.info(`${entries} affected entries compiled; ${listed - uncovered.length}/${listed} listed versions inside their ranges`);
    expect(entries).toBeGreaterThan(8000);
    expect(uncovered.filter((u) => !INCONSISTENT_RECORDS[u.split(' ')[0]!])).toEqual([]);
  });
});
