import { FormatError } from '../problem';
import { packagist } from '../versions/packagist';
import type { Constraint } from './types';

const fail = (text: string, why: string): FormatError =>
  new FormatError('Packagist', [{ path: '', message: `invalid constraint ${JSON.stringify(text)}: ${why}` }]);

function numbersOf(v: string): number[] {
  return v
    .replace(/^v/i, '')
    .split(/[-+@]/)[0]!
    .split('.')
    .filter((p) => /^\d+$/.test(p))
    .map(Number);
}

function bound(op: Constraint['op'], v: string): Constraint {
  return { op, version: packagist.parse(v) };
}

/** One Composer constraint atom (composer/semver VersionParser::parseConstraint). */
function atom(raw: string, text: string): Constraint[] {
  const c = raw.replace(/@(stable|RC|beta|alpha|dev)$/i, '');
  if (c === '*' || c === 'x' || c === '') return [];
  const m = /^(\^|~|>=|<=|<>|!=|==|=|>|<)?\s*(.+)$/.exec(c);
  if (!m) throw fail(text, `bad atom "${raw}"`);
  const [, op = '', v] = m as unknown as [string, string | undefined, string];
  const nums = numbersOf(v);
  if (/^v?\d+(\.(\d+|[*xX]))*$/.test(v) && /[*xX]$/.test(v)) {
    // 1.2.* → >=1.2 <1.3
    const fixed = nums;
    if (!fixed.length) return [];
    const upper = [...fixed.slice(0, -1), fixed[fixed.length - 1]! + 1];
    return [bound('>=', fixed.join('.')), bound('<', upper.join('.'))];
  }
  if (op === '^') {
    const i = nums.findIndex((n) => n !== 0);
    const at = i < 0 ? nums.length - 1 : i;
    const upper = nums.slice(0, at + 1);
    upper[at] = upper[at]! + 1;
    return [bound('>=', v), bound('<', upper.join('.'))];
  }
  if (op === '~') {
    const keep = nums.length > 1 ? nums.slice(0, -1) : nums.slice();
    keep[keep.length - 1] = keep[keep.length - 1]! + 1;
    return [bound('>=', v), bound('<', keep.join('.'))];
  }
  const map: Record<string, Constraint['op']> = { '': '=', '=': '=', '==': '=', '!=': '!=', '<>': '!=', '>': '>', '<': '<', '>=': '>=', '<=': '<=' };
  return [bound(map[op]!, v)];
}

/**
 * Parses a Composer version constraint into a union of conjunctions: `||` (or `|`) separates
 * alternatives, `,` or spaces join clauses, `A - B` is a hyphen range; `^`, `~` and `.*`
 * wildcards are expanded as composer/semver does (stability flags are ignored).
 */
export function parseComposerConstraint(text: string): Constraint[][] {
  const alternatives = text.trim().split(/\s*\|\|?\s*/);
  return alternatives.map((alt) => {
    if (!alt) throw fail(text, 'empty alternative');
    const hyphen = /^(\S+)\s+-\s+(\S+)$/.exec(alt);
    if (hyphen) {
      const upper = numbersOf(hyphen[2]!);
      const partial = upper.length < 3;
      if (partial) upper[upper.length - 1] = upper[upper.length - 1]! + 1;
      return [bound('>=', hyphen[1]!), partial ? bound('<', upper.join('.')) : bound('<=', hyphen[2]!)];
    }
    const atoms = alt.replace(/(>=|<=|<>|!=|==|=|>|<|\^|~)\s+/g, '$1').split(/\s*,\s*|\s+/);
    return atoms.flatMap((a) => atom(a, text));
  });
}
