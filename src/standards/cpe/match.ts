import { CPE_ATTRIBUTES, isLogical, type CpeAttribute, type CpeValue, type Wfn } from './types';

/** NISTIR 7696 §6.1, Table 6-2: the relation of a source attribute value to a target's. */
export type CpeAttributeRelation = 'SUPERSET' | 'SUBSET' | 'EQUAL' | 'DISJOINT' | 'UNDEFINED';

/**
 * NISTIR 7696 §6.2, Table 6-4: the relation of source name to target name. `UNDEFINED`
 * covers both an undefined attribute comparison (a wildcard in the target) and a mix of
 * SUBSET and SUPERSET, for which §6.2 defines no name relation.
 */
export type CpeNameRelation = 'SUPERSET' | 'SUBSET' | 'EQUAL' | 'DISJOINT' | 'UNDEFINED';

export interface CpeMatch {
  readonly relation: CpeNameRelation;
  readonly attributes: Readonly<Record<CpeAttribute, CpeAttributeRelation>>;
}

/** True when the character at `index` is preceded by an odd number of backslashes. */
function isEscaped(text: string, index: number): boolean {
  let count = 0;
  for (let i = index - 1; i >= 0 && text[i] === '\\'; i--) count++;
  return count % 2 === 1;
}

/** NISTIR 7696 §6.1.3 (contains_wildcards): an unquoted '*' or '?'. */
function hasWildcards(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if ((text[i] === '*' || text[i] === '?') && !isEscaped(text, i)) return true;
  }
  return false;
}

/** Number of escaping backslashes in text[start, end) (NISTIR 7696 count_escapes). */
function countEscapes(text: string, start: number, end: number): number {
  let count = 0;
  for (let i = start; i < end; i++) {
    if (text[i] === '\\') {
      count++;
      i++;
    }
  }
  return count;
}

/**
 * NISTIR 7696 §6.1.3 (compare_strings): a source with leading / trailing wildcards is a
 * SUPERSET of every target it matches, otherwise DISJOINT. '*' matches any run of
 * characters; each '?' matches exactly one character, or none at the string's edge.
 */
function compareStrings(source: string, target: string): CpeAttributeRelation {
  let start = 0;
  let end = source.length;
  let begins = 0;
  let ends = 0;
  if (source[0] === '*') {
    start = 1;
    begins = -1;
  } else {
    while (start < source.length && source[start] === '?') {
      start++;
      begins++;
    }
  }
  if (end > start && source[end - 1] === '*' && !isEscaped(source, end - 1)) {
    end--;
    ends = -1;
  } else {
    while (end > start && source[end - 1] === '?' && !isEscaped(source, end - 1)) {
      end--;
      ends++;
    }
  }
  const body = source.slice(start, end);
  let index = -1;
  let leftover = target.length;
  while (leftover > 0) {
    index = target.indexOf(body, index + 1);
    if (index === -1) break;
    // A match must start on a character boundary, not inside an escape pair.
    if (isEscaped(target, index)) continue;
    const before = index - countEscapes(target, 0, index);
    if (index > 0 && begins !== -1 && before > begins) break;
    const after = target.length - index - body.length;
    leftover = after - countEscapes(target, index + body.length, target.length);
    if (leftover > 0 && ends !== -1 && leftover > ends) continue;
    return 'SUPERSET';
  }
  return 'DISJOINT';
}

/** NISTIR 7696 §6.1.2 (compare): one attribute of source against the same of target. */
export function compareCpeValues(source: CpeValue, target: CpeValue): CpeAttributeRelation {
  if (typeof target === 'string' && hasWildcards(target)) return 'UNDEFINED';
  const s = typeof source === 'string' ? source.toLowerCase() : source;
  const t = typeof target === 'string' ? target.toLowerCase() : target;
  if (isLogical(s) && isLogical(t) && s.logical === t.logical) return 'EQUAL';
  if (isLogical(s, 'ANY')) return 'SUPERSET';
  if (isLogical(t, 'ANY')) return 'SUBSET';
  if (isLogical(s) || isLogical(t)) return 'DISJOINT';
  if (s === t) return 'EQUAL';
  if (!hasWildcards(s as string)) return 'DISJOINT';
  return compareStrings(s as string, t as string);
}

/**
 * Compares two CPE names attribute by attribute (NISTIR 7696 §6.1) and combines the results
 * into the name relation (§6.2): DISJOINT if any attribute is, EQUAL if all are, SUBSET /
 * SUPERSET if every attribute is that or EQUAL.
 */
export function matchCpe(source: Wfn, target: Wfn): CpeMatch {
  const attributes = {} as Record<CpeAttribute, CpeAttributeRelation>;
  for (const a of CPE_ATTRIBUTES) attributes[a] = compareCpeValues(source[a], target[a]);
  const all = Object.values(attributes);
  let relation: CpeNameRelation;
  if (all.includes('DISJOINT')) relation = 'DISJOINT';
  else if (all.includes('UNDEFINED')) relation = 'UNDEFINED';
  else if (all.every((r) => r === 'EQUAL')) relation = 'EQUAL';
  else if (all.every((r) => r === 'EQUAL' || r === 'SUBSET')) relation = 'SUBSET';
  else if (all.every((r) => r === 'EQUAL' || r === 'SUPERSET')) relation = 'SUPERSET';
  else relation = 'UNDEFINED';
  return { relation, attributes };
}
