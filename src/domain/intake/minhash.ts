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

const STOP = new Set(['the', 'a', 'an', 'of', 'in', 'to', 'and', 'or', 'is', 'be', 'by', 'on', 'at', 'for', 'with', 'this', 'that', 'it', 'can', 'which', 'when', 'via', 'from', 'as']);

/** The words of a text that carry meaning: lower-case, numbers folded to `#`. */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}_]+/u)
    .filter((w) => w.length > 0 && !STOP.has(w))
    .map((w) => (/^\d+$/.test(w) ? '#' : w));
}

/** The hashed shingles of a finding. */
export function shinglesOf(f: DedupFacts): Uint32Array {
  const set = new Set<number>();
  const w = words(`${f.title} ${f.description}`).map(fnv1a);
  // A bigram's hash from its words' hashes (order matters), without building the string.
  for (let i = 0; i + 1 < w.length; i++) set.add(fmix32(Math.imul(w[i]!, 0x9e3779b1) ^ w[i + 1]!));
  if (w.length < 2) for (const x of w) set.add(x);
  if (f.stackTrace) {
    for (const line of f.stackTrace.split('\n').slice(0, 64)) {
      const frame = /(?:at\s+|#\d+\s+(?:0x[0-9a-f]+\s+in\s+)?)([\w$.:<>~]+)/i.exec(line);
      if (frame) set.add(fnv1a(`frame:${frame[1]}`));
    }
  }
  if (f.file) set.add(fnv1a(`file:${normaliseFile(f.file).split('/').pop()}`));
  if (f.function) set.add(fnv1a(`fn:${normaliseFunction(f.function)}`));
  if (f.endpoint) set.add(fnv1a(`ep:${normaliseEndpoint(f.endpoint)}`));
  if (f.cwe) set.add(fnv1a(`cwe:${f.cwe}`));
  return Uint32Array.from(set);
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
 * The LSH bucket keys of a signature, scoped to a target so only the same product competes:
 * a 32-bit hash of target and band rows, times the band count plus the band. A collision
 * only adds a candidate, which verification then drops.
 */
export function bandKeys(targetKey: string, sig: Uint32Array): number[] {
  const t = fnv1a(targetKey);
  const keys: number[] = [];
  for (let b = 0; b < LSH_BANDS; b++) {
    let h = Math.imul(t ^ b, 0x01000193) >>> 0;
    for (let r = 0; r < LSH_ROWS; r++) h = fmix32(h ^ sig[b * LSH_ROWS + r]!);
    keys.push(h * LSH_BANDS + b);
  }
  return keys;
}
