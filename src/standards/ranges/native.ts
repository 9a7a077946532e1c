import { FormatError } from '../problem';
import { ecosystemFor, type Ecosystem } from '../versions/registry';
import { parseComposerConstraint } from './composer';
import { compileDnf } from './dnf';
import { parseBracketRanges } from './interval';
import { compileNpmRange } from './npm';
import { compilePep440Specifiers } from './pep440';
import { inScheme } from './reparse';
import { parseGemRequirement } from './rubygems';
import type { Comparator, Constraint, VersionMatcher } from './types';
import { compileVers } from './vers';

const CLAUSE = /^(<=|>=|!=|==|=|<|>)?(.+)$/;

/** `>=1.0 <2.0 || =3.1`: comparator clauses joined by spaces or commas, alternatives by `||`. */
function parseComparatorList(text: string, eco: Ecosystem): Constraint[][] {
  return text.split('||').map((alt) => {
    const clauses = alt
      .trim()
      .replace(/(<=|>=|!=|==|=|<|>)\s+/g, '$1')
      .split(/[\s,]+/)
      .filter(Boolean);
    if (!clauses.length) throw new FormatError(eco.name, [{ path: '', message: `empty range alternative in ${JSON.stringify(text)}` }]);
    return clauses.map((c) => {
      const m = CLAUSE.exec(c)!;
      const op = (m[1] === '==' || !m[1] ? '=' : m[1]) as Comparator;
      return { op, version: eco.parse(m[2]!) };
    });
  });
}

/**
 * Compiles a native range for an ecosystem: npm ranges, PEP 440 specifiers, Maven and
 * NuGet bracket ranges, RubyGems requirements, Composer constraints, or a vers URI (any
 * ecosystem). Other ecosystems take comparator lists (`>=1.0 <2.0 || 3.1`).
 * The returned matcher takes versions parsed by the same ecosystem.
 */
export function compileNativeRange(text: string, ecosystem: Ecosystem | string): VersionMatcher {
  const eco = typeof ecosystem === 'string' ? ecosystemFor(ecosystem) : ecosystem;
  const range = text.trim();
  if (/^vers:/i.test(range)) return compileVers(range);
  const compare = eco.scheme.compare;
  switch (eco.scheme.id) {
    case 'npm':
      return compileNpmRange(range);
    case 'PyPI':
      return compilePep440Specifiers(range);
    case 'Maven':
      return compileDnf(compare, parseBracketRanges(range, eco.scheme, eco.name, 'exact', true));
    case 'NuGet':
      return compileDnf(compare, parseBracketRanges(range, eco.scheme, eco.name, 'minimum', false));
    case 'RubyGems':
      return compileDnf(compare, [parseGemRequirement(range)]);
    case 'Packagist':
      return compileDnf(compare, parseComposerConstraint(range));
    default: {
      const m = compileDnf(compare, parseComparatorList(range, eco));
      return {
        matches: (v) => {
          const own = inScheme(v, eco.scheme);
          return own !== null && m.matches(own);
        },
      };
    }
  }
}
