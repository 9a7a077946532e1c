import { FormatError } from '../problem';
import type { ParsedVersion, VersionScheme } from '../versions/types';
import type { Constraint } from './types';

/**
 * Parses the bracket range syntax Maven (VersionRange) and NuGet (VersionRange) share:
 * `[1.0,2.0)`, `(,1.0]`, `[1.2]`, with `,`-separated unions (Maven). `bare` says what a
 * version outside brackets means: Maven's soft requirement is taken as that exact version,
 * NuGet's as a minimum.
 */
export function parseBracketRanges(text: string, scheme: VersionScheme, format: string, bare: 'exact' | 'minimum', unions: boolean): Constraint[][] {
  const fail = (why: string): FormatError => new FormatError(format, [{ path: '', message: `invalid version range ${JSON.stringify(text)}: ${why}` }]);
  const parse = (v: string): ParsedVersion => scheme.parse(v.trim());
  const sets: Constraint[][] = [];
  let s = text.trim();
  while (s.length) {
    if (s[0] === '[' || s[0] === '(') {
      const end = s.search(/[\])]/);
      if (end < 0) throw fail('unclosed bracket');
      const lowerInclusive = s[0] === '[';
      const upperInclusive = s[end] === ']';
      const inner = s.slice(1, end).split(',');
      if (inner.length === 1) {
        if (!lowerInclusive || !upperInclusive) throw fail('a single version must be written [v]');
        sets.push([{ op: '=', version: parse(inner[0]!) }]);
      } else if (inner.length === 2) {
        const set: Constraint[] = [];
        if (inner[0]!.trim()) set.push({ op: lowerInclusive ? '>=' : '>', version: parse(inner[0]!) });
        if (inner[1]!.trim()) set.push({ op: upperInclusive ? '<=' : '<', version: parse(inner[1]!) });
        if (set.length === 2 && scheme.compare(set[0]!.version, set[1]!.version) > 0) throw fail('lower bound above upper bound');
        sets.push(set);
      } else throw fail('a range has at most two bounds');
      s = s.slice(end + 1).trim();
    } else {
      const end = s.indexOf(',');
      const v = end < 0 ? s : s.slice(0, end);
      if (/[[\]()]/.test(v)) throw fail('unbalanced brackets');
      sets.push([{ op: bare === 'exact' ? '=' : '>=', version: parse(v) }]);
      s = end < 0 ? '' : s.slice(end);
    }
    if (s.startsWith(',')) {
      if (!unions) throw fail('only one range is allowed');
      s = s.slice(1).trim();
      if (!s) throw fail('trailing comma');
    } else if (s.length) throw fail(`unexpected "${s}"`);
  }
  if (!sets.length) throw fail('empty');
  return sets;
}
