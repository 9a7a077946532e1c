import { describe, expect, it } from 'vitest';
import { ANY, NA, compareCpeValues, matchCpe, parseCpe, type CpeValue } from '../../../src/standards/cpe';

// NISTIR 7696 §6.1.2, Table 6-2: every combination of source and target value kinds
// (ANY, NA, a wildcard-free string i or k, a string m with wildcards).
const TABLE_6_2: Array<[number, CpeValue, CpeValue, string]> = [
  [1, ANY, ANY, 'EQUAL'],
  [2, ANY, NA, 'SUPERSET'],
  [3, ANY, 'foo', 'SUPERSET'],
  [4, ANY, 'foo*', 'UNDEFINED'],
  [5, NA, ANY, 'SUBSET'],
  [6, NA, NA, 'EQUAL'],
  [7, NA, 'foo', 'DISJOINT'],
  [8, NA, 'foo*', 'UNDEFINED'],
  [9, 'foo', ANY, 'SUBSET'],
  [10, 'foo', NA, 'DISJOINT'],
  [11, 'foo', 'foo', 'EQUAL'],
  [12, 'foo', 'bar', 'DISJOINT'],
  [13, 'foo', 'ba*', 'UNDEFINED'],
  [14, 'foo*', ANY, 'SUBSET'],
  [15, 'foo*', NA, 'DISJOINT'],
  [16, 'foo*', 'foobar', 'SUPERSET'],
  [17, 'foo*', 'barfoo', 'DISJOINT'],
  [18, 'foo*', 'fo?', 'UNDEFINED'],
];

describe('NISTIR 7696 attribute comparison (Table 6-2)', () => {
  it.each(TABLE_6_2)('row %i', (_row, source, target, relation) => {
    expect(compareCpeValues(source, target)).toBe(relation);
  });

  it('compares case-insensitively (§6.1.2)', () => {
    expect(compareCpeValues('Microsoft', 'microsoft')).toBe('EQUAL');
  });

  it('"?" stands for one character at either end, "*" for any run (§5.3.2 / §6.1.3)', () => {
    expect(compareCpeValues('1\\.2?', '1\\.23')).toBe('SUPERSET');
    expect(compareCpeValues('1\\.2?', '1\\.2')).toBe('SUPERSET');
    expect(compareCpeValues('1\\.2?', '1\\.234')).toBe('DISJOINT');
    expect(compareCpeValues('??2', '012')).toBe('SUPERSET');
    expect(compareCpeValues('??2', '0012')).toBe('DISJOINT');
    expect(compareCpeValues('*2', '00012')).toBe('SUPERSET');
    expect(compareCpeValues('*\\.0', '8\\.0')).toBe('SUPERSET');
    expect(compareCpeValues('8\\.*', '8\\.0\\.6001')).toBe('SUPERSET');
    expect(compareCpeValues('8\\.*', '9\\.0')).toBe('DISJOINT');
  });

  it('a quoted wildcard in the source is a literal character', () => {
    expect(compareCpeValues('a\\*', 'abc')).toBe('DISJOINT');
    expect(compareCpeValues('a\\*', 'a\\*')).toBe('EQUAL');
  });
});

describe('NISTIR 7696 name comparison (§6.2)', () => {
  const name = (s: string) => parseCpe(s).wfn;
  it('a version wildcard is a superset of the versions it covers', () => {
    const r = matchCpe(name('cpe:2.3:a:microsoft:internet_explorer:8.*:*:*:*:*:*:*:*'), name('cpe:/a:microsoft:internet_explorer:8.0.6001:beta'));
    expect(r.relation).toBe('SUPERSET');
    expect(r.attributes.version).toBe('SUPERSET');
    expect(r.attributes.update).toBe('SUPERSET');
  });

  it('the same name is EQUAL in either binding', () => {
    expect(
      matchCpe(name('cpe:/a:hp:openview_network_manager:7.51:-:~~~linux~~'), name('cpe:2.3:a:hp:openview_network_manager:7.51:-:*:*:*:linux:*:*')).relation,
    ).toBe('EQUAL');
  });

  it('one disjoint attribute makes the names DISJOINT', () => {
    expect(matchCpe(name('cpe:/a:microsoft:office:2010'), name('cpe:/a:microsoft:internet_explorer:8')).relation).toBe('DISJOINT');
  });

  it('the more specific name is a SUBSET', () => {
    expect(matchCpe(name('cpe:/a:microsoft:internet_explorer:8.0'), name('cpe:/a:microsoft:internet_explorer')).relation).toBe('SUBSET');
  });

  it('a wildcard in the target leaves the comparison UNDEFINED', () => {
    expect(matchCpe(name('cpe:/a:microsoft'), name('cpe:2.3:a:micro*:*:*:*:*:*:*:*:*:*')).relation).toBe('UNDEFINED');
  });
});
