import type { ComponentHash, HashAlgorithm } from './types';

const ALGORITHMS: readonly HashAlgorithm[] = [
  'MD2',
  'MD4',
  'MD5',
  'MD6',
  'SHA-1',
  'SHA-224',
  'SHA-256',
  'SHA-384',
  'SHA-512',
  'SHA3-224',
  'SHA3-256',
  'SHA3-384',
  'SHA3-512',
  'BLAKE2b-256',
  'BLAKE2b-384',
  'BLAKE2b-512',
  'BLAKE3',
  'ADLER32',
  'Streebog-256',
  'Streebog-512',
];

// One key per algorithm whatever the spelling: CycloneDX `SHA-256`, SPDX 2.3 `SHA256`
// (§7.10), SPDX 3.0 `sha256` / `sha3_256` / `blake2b256` (HashAlgorithm vocabulary).
const spellingKey = (name: string): string => name.toLowerCase().replace(/[-_]/g, '');
const BY_KEY = new Map(ALGORITHMS.map((algorithm) => [spellingKey(algorithm), algorithm]));

/** The algorithm a CycloneDX, SPDX 2 or SPDX 3 name stands for, or undefined if unknown. */
export function hashAlgorithmFrom(name: string): HashAlgorithm | undefined {
  return BY_KEY.get(spellingKey(name));
}

/** A hash with its algorithm normalized and its digest in lower case, or undefined if unknown. */
export function componentHash(algorithmName: string, value: string): ComponentHash | undefined {
  const algorithm = hashAlgorithmFrom(algorithmName);
  return algorithm === undefined ? undefined : { algorithm, value: value.trim().toLowerCase() };
}

/** CycloneDX 1.6 `hash-alg`: the algorithms above without the SPDX-only ones and 1.7's Streebog. */
export const CYCLONEDX_HASH_ALGORITHMS: ReadonlySet<HashAlgorithm> = new Set(
  ALGORITHMS.filter((a) => !['MD2', 'MD4', 'MD6', 'SHA-224', 'SHA3-224', 'ADLER32', 'Streebog-256', 'Streebog-512'].includes(a)),
);

/** SPDX 2.3 §7.10 checksum algorithm name for an algorithm, or undefined when SPDX 2.3 has none. */
export function spdx2ChecksumAlgorithm(algorithm: HashAlgorithm): string | undefined {
  if (algorithm === 'SHA3-224' || algorithm.startsWith('Streebog')) return undefined;
  if (algorithm.startsWith('SHA-')) return algorithm.replace('-', '');
  return algorithm;
}
