import { FormatError } from '../problem';
import { rubygems } from '../versions/rubygems';
import type { Constraint } from './types';

const REQUIREMENT = /^(=|!=|>=|<=|>|<|~>)?\s*(\S+)$/;

/** Gem::Version#bump: drop pre-release segments and the last segment, then increment. */
export function gemBump(version: string): string {
  const segments = version.replace(/-/g, '.pre.').match(/[0-9]+|[a-z]+/gi) ?? [];
  const firstString = segments.findIndex((s) => !/^\d/.test(s));
  const nums = (firstString < 0 ? segments : segments.slice(0, firstString)).map(BigInt);
  if (nums.length > 1) nums.pop();
  nums[nums.length - 1] = nums[nums.length - 1]! + 1n;
  return nums.join('.');
}

/**
 * Parses a RubyGems requirement list (Gem::Requirement: `~> 2.0.8`, `>= 1.0, < 2`): every
 * clause must hold; `~> V` is `>= V` and `< V.bump`.
 */
export function parseGemRequirement(text: string): Constraint[] {
  const clauses = text.split(',').map((c) => c.trim());
  const out: Constraint[] = [];
  for (const clause of clauses) {
    const m = REQUIREMENT.exec(clause);
    if (!m) throw new FormatError('RubyGems', [{ path: '', message: `Illformed requirement ${JSON.stringify(text)}` }]);
    const op = m[1] ?? '=';
    const version = rubygems.parse(m[2]!);
    if (op === '~>') {
      out.push({ op: '>=', version }, { op: '<', version: rubygems.parse(gemBump(m[2]!)) });
    } else out.push({ op: op as Constraint['op'], version });
  }
  return out;
}
