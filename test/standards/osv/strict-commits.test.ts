import { describe, expect, it } from 'vitest';
import { parseOsv, readOsv, validateOsv } from '../../../src/standards/osv';
import { FormatError } from '../../../src/standards/problem';
import { problemsOf } from '../../../src/standards/formats/json-adapter';

/** A minimal OSV record whose one GIT range is fixed at `fixed`. */
const record = (fixed: string, extra: Record<string, unknown> = {}) => ({
  schema_version: '1.7.0',
  id: 'PYSEC-0000-1',
  modified: '2024-01-01T00:00:00Z',
  affected: [
    {
      package: { ecosystem: 'PyPI', name: 'example' },
      ranges: [{ type: 'GIT', repo: 'https://example.org/r.git', events: [{ introduced: '0' }, { fixed }] }],
    },
  ],
  ...extra,
});

const PATH = '/affected/0/ranges/0/events/1/fixed';

describe('OSV GIT commit hashes: strict by default, lenient on request', () => {
  it.each(['cb35df940a', 'b27f38a67573f4c989710c9bfb726dd4c1eeb929.patch', 'ABCDEF0123456789ABCDEF0123456789ABCDEF01'])(
    'strict parse reports exactly the short-hash problem with its path: %s',
    (fixed) => {
      const text = JSON.stringify(record(fixed));
      expect(problemsOf(() => parseOsv(text))).toEqual([
        {
          path: PATH,
          message: `GIT ranges must use full-length commit hashes (OSV 1.7): ${JSON.stringify(fixed)} is not "0" or a 40- or 64-character lower-case hex commit`,
        },
      ]);
      expect(validateOsv(JSON.parse(text)).map((p) => p.path)).toEqual([PATH]);
    },
  );

  it('lenient import accepts the record unchanged', () => {
    const value = record('cb35df940a');
    expect(parseOsv(JSON.stringify(value), { strictCommits: false })).toEqual(value);
    expect(readOsv(value, { strictCommits: false })).toBe(value);
    expect(validateOsv(value, { strictCommits: false })).toEqual([]);
  });

  it('lenient import still reports every other problem', () => {
    const value = record('cb35df940a', { modified: 'yesterday' });
    const found = problemsOf(() => parseOsv(JSON.stringify(value), { strictCommits: false }));
    const paths = (list: readonly { path: string }[]) => [...new Set(list.map((p) => p.path))].sort();
    expect(paths(found)).toEqual(['/modified']);
    expect(paths(problemsOf(() => parseOsv(JSON.stringify(value))))).toEqual(['/modified', PATH].sort());
  });

  it('full hashes and "0" are valid either way; non-GIT ranges are never checked for hashes', () => {
    const full = record('a'.repeat(40));
    expect(validateOsv(full)).toEqual([]);
    expect(validateOsv(record('b'.repeat(64)))).toEqual([]);
    const ecosystem = { ...full, affected: [{ ...full.affected[0], ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.0' }] }] }] };
    expect(validateOsv(ecosystem)).toEqual([]);
  });

  it('lenient import keeps size and depth limits', () => {
    expect(() => parseOsv(JSON.stringify(record('cb35df940a')), { strictCommits: false, maxBytes: 10 })).toThrow(FormatError);
  });
});
