import { normaliseEndpoint, normaliseFile, normaliseFunction } from './fingerprint';
import type { DedupFacts } from './finding';

/**
 * Near-duplicate signatures (ADR 0010): MinHash (Broder 1997) over word bigram shingles of
 * the title and description, stack-trace frames and location tokens; banded for LSH
 * (Leskovec, Rajaraman & Ullman, "Mining of Massive Datasets" §3.4).
 * Deterministic: fixed seeds, no randomness.
 */
export const MINHASH_SIZE = 64;
export const LSH_BANDS = 16;
export const LSH_ROWS = MINHASH_SIZE / LSH_BANDS;
export const MINHASH_ALGORITHM = `minhash-${MINHASH_SIZE}x${LSH_BANDS}-v1`;

/** FNV-1a, 32 bits. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** MurmurHash3's 32-bit finaliser: a cheap, well-mixed permutation of 32-bit values. */
function fmix32(x: number): number {
  let h = x;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const SEEDS = Uint32Array.from({ length: MINHASH_SIZE }, (_, i) => fmix32(0x9e3779b9 * (i + 1)));

const STOP = new Set([
  'the',
  'a',
  'an',
  'of',
  'in',
  'to',
  'and',
  'or',
  'is',
  'be',
  'by',
  'on',
  'at',
  'for',
  'with',
  'this',
  'that',
  'it',
  'can',
  'which',
  'when',
  'via',
  'from',
  'as',
]);

/** The words of a text that carry meaning: lower-case, numbers folded to `#`. */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}_]+/u)
    .filter((w) => w.length > 0 && !STOP.has(w))
    .map((w) => (/^\d+$/.test(w) ? '#' : w));
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;
const HASH_OF_NUMBER = fnv1a('#');

/** Whether the code unit at `i` starts a word character (a letter, number or `_`), and its length. */
function wordCharAt(text: string, i: number): 0 | 1 | 2 {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || (c >= 65 && c <= 90) ? 1 : 0;
  const cp = text.codePointAt(i)!;
  const width = cp > 0xffff ? 2 : 1;
  return WORD_CHAR.test(String.fromCodePoint(cp)) ? width : 0;
}

/**
 * `words(text).map(fnv1a)` in one pass without the intermediate arrays: bulk intake hashes
 * every description it takes (test/intake/dedup.test.ts holds the two to the same answer).
 */
export function wordHashes(text: string): number[] {
  const lower = text.toLowerCase();
  const out: number[] = [];
  let i = 0;
  while (i < lower.length) {
    let w = wordCharAt(lower, i);
    if (!w) {
      i++;
      continue;
    }
    const start = i;
    let digits = true;
    while (w) {
      const c = lower.charCodeAt(i);
      if (c < 48 || c > 57) digits = false;
      i += w;
      w = i < lower.length ? wordCharAt(lower, i) : 0;
    }
    if (digits) out.push(HASH_OF_NUMBER);
    else if (i - start > 5 || !STOP.has(lower.slice(start, i))) out.push(fnv1a(lower.slice(start, i)));
  }
  return out;
}

const FRAME = /(?:at\s+|#\d+\s+(?:0x[0-9a-f]+\s+in\s+)?)([\w$.:<>~]+)/i;

/**
 * The hashed shingles of a finding, distinct and sorted. Collected in a typed array rather
 * than a Set: most 32-bit hashes are not small integers to V8, and boxing each one cost
 * more than the hashing (bulk intake shingles every finding).
 */
export function shinglesOf(f: DedupFacts): Uint32Array {
  const w = wordHashes(`${f.title} ${f.description}`);
  const out = new Uint32Array(w.length + 64 + 4);
  let n = 0;
  // A bigram's hash from its words' hashes (order matters), without building the string.
  for (let i = 0; i + 1 < w.length; i++) out[n++] = fmix32(Math.imul(w[i]!, 0x9e3779b1) ^ w[i + 1]!);
  if (w.length < 2) for (const x of w) out[n++] = x;
  if (f.stackTrace) {
    let from = 0;
    for (let lines = 0; lines < 64; lines++) {
      const end = f.stackTrace.indexOf('\n', from);
      const frame = FRAME.exec(f.stackTrace.slice(from, end < 0 ? undefined : end));
      if (frame) out[n++] = fnv1a(`frame:${frame[1]}`);
      if (end < 0) break;
      from = end + 1;
    }
  }
  if (f.file) out[n++] = fnv1a(`file:${normaliseFile(f.file).split('/').pop()}`);
  if (f.function) out[n++] = fnv1a(`fn:${normaliseFunction(f.function)}`);
  if (f.endpoint) out[n++] = fnv1a(`ep:${normaliseEndpoint(f.endpoint)}`);
  if (f.cwe) out[n++] = fnv1a(`cwe:${f.cwe}`);
  const sorted = out.subarray(0, n).sort();
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[distinct++] = sorted[i]!;
  return sorted.slice(0, distinct);
}

/** The MinHash signature of a set of shingle hashes. */
export function minhash(shingles: Uint32Array): Uint32Array {
  const sig = new Uint32Array(MINHASH_SIZE).fill(0xffffffff);
  for (let s = 0; s < shingles.length; s++) {
    const x = shingles[s]!;
    for (let i = 0; i < MINHASH_SIZE; i++) {
      const h = fmix32(x ^ SEEDS[i]!);
      if (h < sig[i]!) sig[i] = h;
    }
  }
  return sig;
}

/** The estimated Jaccard similarity of two signatures: the share of equal positions. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < MINHASH_SIZE; i++) if (a[i] === b[i]) same++;
  return same / MINHASH_SIZE;
}

/**
 * The LSH bucket key of each band of a signature, scoped to a target so only the same
 * product competes: a hash of target and band rows, cut to 30 bits so that V8 keeps keys
 * as small integers (band `b`'s key is looked up among band `b`'s buckets only). A
 * collision only adds a candidate, which verification then drops.
 */
export function bandKeys(targetKey: string, sig: Uint32Array): number[] {
  const t = fnv1a(targetKey);
  const keys: number[] = new Array<number>(LSH_BANDS);
  for (let b = 0; b < LSH_BANDS; b++) {
    let h = Math.imul(t ^ b, 0x01000193) >>> 0;
    for (let r = 0; r < LSH_ROWS; r++) h = fmix32(h ^ sig[b * LSH_ROWS + r]!);
    keys[b] = h >>> 2;
  }
  return keys;
}
