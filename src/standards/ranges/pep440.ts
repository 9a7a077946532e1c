import { FormatError } from '../problem';
import { numEq } from '../versions/numeric';
import { comparePep440, pep440, type Pep440Version } from '../versions/pep440';
import type { ParsedVersion } from '../versions/types';
import type { VersionMatcher } from './types';

type Clause = (v: Pep440Version) => boolean;

const CLAUSE = /^(~=|===|==|!=|<=|>=|<|>)\s*(\S+)$/;

function publicOf(v: Pep440Version): Pep440Version {
  return v.local.length ? { ...v, local: [] } : v;
}

function releasePrefixMatches(v: Pep440Version, prefix: Pep440Version, length: number): boolean {
  if (v.legacy || !numEq(v.epoch, prefix.epoch)) return false;
  for (let i = 0; i < length; i++) if (!numEq(v.release[i] ?? 0, prefix.release[i] ?? 0)) return false;
  return true;
}

/** How many release segments the specifier wrote (PEP 440 drops none for prefix matching). */
function releaseLength(text: string): number {
  const release = /^v?(?:\d+!)?(\d+(?:\.\d+)*)/i.exec(text)?.[1];
  return release ? release.split('.').length : 0;
}

const isPre = (v: Pep440Version): boolean => v.prePhase < 3;
const sameRelease = (a: Pep440Version, b: Pep440Version): boolean =>
  comparePep440(
    { ...a, prePhase: 3, preNumber: 0, post: -1, dev: Infinity, local: [] },
    { ...b, prePhase: 3, preNumber: 0, post: -1, dev: Infinity, local: [] },
  ) === 0;

/** One PEP 440 §"Version specifiers" clause. */
function compileClause(op: string, text: string, whole: string): Clause {
  if (op === '===') return (v) => v.text.toLowerCase() === text.toLowerCase();
  const wildcard = text.endsWith('.*');
  if (wildcard && op !== '==' && op !== '!=') throw bad(whole, `"${op}" does not take a ".*" suffix`);
  const spec = pep440.parse(wildcard ? text.slice(0, -2) : text);
  if (spec.legacy) throw bad(whole, `"${text}" is not a PEP 440 version`);
  if (wildcard) {
    const n = releaseLength(text.slice(0, -2));
    return op === '==' ? (v) => releasePrefixMatches(v, spec, n) : (v) => !releasePrefixMatches(v, spec, n);
  }
  const hasLocal = spec.local.length > 0;
  const cmp = (v: Pep440Version): number => comparePep440(hasLocal ? v : publicOf(v), spec);
  switch (op) {
    case '==':
      return (v) => cmp(v) === 0;
    case '!=':
      return (v) => cmp(v) !== 0;
    case '<=':
      return (v) => cmp(v) <= 0;
    case '>=':
      return (v) => cmp(v) >= 0;
    // §"Exclusive ordered comparison": <V excludes pre-releases of V, >V post-releases of V
    case '<':
      return (v) => cmp(v) < 0 && !(isPre(v) && !isPre(spec) && sameRelease(v, spec));
    case '>':
      return (v) => cmp(v) > 0 && !(v.post >= 0 && spec.post < 0 && sameRelease(v, spec)) && !(v.local.length > 0 && comparePep440(publicOf(v), spec) === 0);
    default: {
      // ~=V.N: >= V.N and == V.*
      const n = releaseLength(text) - 1;
      if (n < 1) throw bad(whole, '"~=" needs at least two release segments');
      return (v) => cmp(v) >= 0 && releasePrefixMatches(v, spec, n);
    }
  }
}

function bad(text: string, why: string): FormatError {
  return new FormatError('PyPI', [{ path: '', message: `invalid version specifier ${JSON.stringify(text)}: ${why}` }]);
}

/** The parsed clauses of a specifier set, exposed for vers conversion. */
export interface Pep440Specifiers extends VersionMatcher {
  readonly clauses: readonly { op: string; version: string }[];
}

/**
 * Compiles a PEP 440 specifier set (`>=1.0, !=1.3.*, <2`). Pre-releases are included
 * (an advisory's range covers them; pip's "exclude pre-releases by default" is an
 * installer policy, not membership).
 */
export function compilePep440Specifiers(text: string): Pep440Specifiers {
  const parts = text.split(',').map((p) => p.trim());
  if (parts.some((p) => !p)) throw bad(text, 'empty clause');
  const clauses = parts.map((p) => {
    const m = CLAUSE.exec(p);
    if (!m) throw bad(text, `"${p}" is not <operator><version>`);
    return { op: m[1]!, version: m[2]! };
  });
  const compiled = clauses.map((c) => compileClause(c.op, c.version, text));
  return {
    clauses,
    matches(v: ParsedVersion) {
      for (const c of compiled) if (!c(v as Pep440Version)) return false;
      return true;
    },
  };
}
