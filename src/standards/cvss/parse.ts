import { FormatError, pointer, type Problem } from '../problem';
import { CVSS_METRICS, type CvssVersion, type MetricDefinition } from './metrics';
import type { CvssVector } from './types';

/** Longest vector accepted: a full 4.0 vector is under 200 characters. */
const MAX_VECTOR_LENGTH = 1024;

const PREFIXES: Readonly<Record<string, CvssVersion>> = { 'CVSS:3.0': '3.0', 'CVSS:3.1': '3.1', 'CVSS:4.0': '4.0' };

function fail(path: string, message: string): never {
  throw new FormatError('cvss', [{ path, message }]);
}

function detectVersion(parts: string[]): CvssVersion {
  const first = parts[0] ?? '';
  if (first.startsWith('CVSS:')) {
    const version = PREFIXES[first];
    if (!version) fail('/prefix', `unknown CVSS version prefix "${first}" (expected CVSS:3.0, CVSS:3.1 or CVSS:4.0)`);
    parts.shift();
    return version;
  }
  // CVSS v2 vectors carry no prefix (v2 guide §3.2.1).
  return '2.0';
}

/**
 * Parses a CVSS 2.0, 3.0, 3.1 or 4.0 vector string and checks every metric: known metric,
 * allowed value, no duplicate, every mandatory (base) metric present, and for 4.0 the order
 * of the specification (v4.0 §7). CVSS 3.x (v3.1 §6) and 2.0 allow any order.
 * @throws FormatError naming the offending metric.
 */
export function parseCvssVector(input: string): CvssVector {
  if (typeof input !== 'string') fail('', 'a CVSS vector must be a string');
  const vectorString = input.trim();
  if (vectorString === '') fail('', 'empty CVSS vector');
  if (vectorString.length > MAX_VECTOR_LENGTH) fail('', `CVSS vector longer than ${MAX_VECTOR_LENGTH} characters`);
  const parts = vectorString.split('/');
  const version = detectVersion(parts);
  const definitions = CVSS_METRICS[version];
  const byKey = new Map<string, [MetricDefinition, number]>(definitions.map((d, i) => [d.key, [d, i]]));
  const metrics: Record<string, string> = {};
  let lastIndex = -1;
  let lastKey = '';
  for (const part of parts) {
    const colon = part.indexOf(':');
    if (colon <= 0) fail(pointer('', part), `malformed metric "${part}" (expected KEY:VALUE)`);
    const key = part.slice(0, colon);
    const value = part.slice(colon + 1);
    const path = pointer('', key);
    const entry = byKey.get(key);
    if (!entry) fail(path, `unknown metric "${key}" for CVSS ${version}`);
    const [definition, index] = entry;
    if (Object.hasOwn(metrics, key)) fail(path, `duplicate metric "${key}"`);
    if (!definition.values.includes(value)) {
      fail(path, `metric "${key}" has invalid value "${value}" (expected one of ${definition.values.join(', ')})`);
    }
    if (version === '4.0' && index < lastIndex) fail(path, `metric "${key}" is out of order (it must come before "${lastKey}")`);
    lastIndex = index;
    lastKey = key;
    metrics[key] = value;
  }
  const missing: Problem[] = definitions
    .filter((d) => d.mandatory && !Object.hasOwn(metrics, d.key))
    .map((d) => ({ path: pointer('', d.key), message: `missing mandatory metric "${d.key}"` }));
  if (missing.length > 0) throw new FormatError('cvss', missing);
  return { version, metrics, vectorString };
}
