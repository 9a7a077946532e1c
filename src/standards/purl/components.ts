import { FormatError, pointer, type Problem } from '../problem';
import { ruleFor, type PurlTypeRule } from './type-rules';
import type { PackageURL, PurlMode } from './types';

// ECMA-427 §5.6.1: a type is ASCII letters, digits, '.', '+' and '-', starting with a letter.
const TYPE = /^[A-Za-z][A-Za-z0-9.+-]*$/;
// ECMA-427 §5.6.6: a qualifier key is ASCII letters, digits, '.', '-' and '_', not
// starting with a digit.
const QUALIFIER_KEY = /^[A-Za-z.\-_][A-Za-z0-9.\-_]*$/;

/** Components after decoding, before the type's rules are applied. */
export interface RawComponents {
  type: string | null;
  namespaceSegments: string[];
  name: string | null;
  version: string | null;
  /** Keys as written (case preserved) so strict mode can check them. */
  qualifiers: Array<[string, string]>;
  subpathSegments: string[];
}

function applyCase(value: string, rule: 'lower' | 'upper' | undefined): string {
  if (rule === 'lower') return value.toLowerCase();
  if (rule === 'upper') return value.toUpperCase();
  return value;
}

function normalizeQualifiers(raw: Array<[string, string]>, rule: PurlTypeRule, mode: PurlMode, problems: Problem[]): Record<string, string> | null {
  const out: Record<string, string> = {};
  for (const [key, value] of raw) {
    const path = pointer('/qualifiers', key);
    if (!QUALIFIER_KEY.test(key)) {
      problems.push({ path, message: `invalid qualifier key "${key}"` });
      continue;
    }
    const lower = key.toLowerCase();
    // Keys are case-insensitive (ECMA-427 §5.6.6), but the purl-spec "required" tests reject
    // an upper-case spelling of a key that the type definition declares (gem `Platform`, rpm
    // `Arch`) while accepting one it does not (maven `repositorY_url`); lenient mode repairs both.
    if (mode === 'strict' && lower !== key && rule.qualifiers?.includes(lower)) {
      problems.push({ path, message: `qualifier key "${key}" must be lower-case` });
      continue;
    }
    if (Object.hasOwn(out, lower)) {
      problems.push({ path, message: `duplicate qualifier key "${lower}"` });
      continue;
    }
    // ECMA-427 §5.6.6: a key with an empty value is the same as no key.
    if (value !== '') out[lower] = value;
  }
  for (const key of rule.requiredQualifiers ?? []) {
    if (!Object.hasOwn(out, key)) problems.push({ path: '/qualifiers', message: `qualifier "${key}" is required for this type` });
  }
  const keys = Object.keys(out).sort();
  if (keys.length === 0) return null;
  const sorted: Record<string, string> = {};
  for (const key of keys) sorted[key] = out[key]!;
  return sorted;
}

function normalizeName(type: string, name: string, rule: PurlTypeRule, qualifiers: Record<string, string> | null): string {
  let out = applyCase(name, rule.nameCase);
  // pypi definition: PyPI treats '-' and '_' alike; the canonical name uses '-'.
  if (type === 'pypi') out = out.replace(/_/g, '-');
  // mlflow definition: names are case-insensitive on Databricks, case-sensitive on Azure ML.
  if (type === 'mlflow' && /azuredatabricks\.net/i.test(qualifiers?.repository_url ?? '')) out = out.toLowerCase();
  return out;
}

function checkSegments(segments: string[], path: string, problems: Problem[]): void {
  for (const segment of segments) {
    if (segment.includes('/')) problems.push({ path, message: `segment "${segment}" contains "/"` });
  }
}

/**
 * Applies the generic and type-specific rules to decoded components and returns the
 * canonical PackageURL, or throws FormatError with every problem found.
 */
export function finishComponents(raw: RawComponents, mode: PurlMode): PackageURL {
  const problems: Problem[] = [];
  if (!raw.type) problems.push({ path: '/type', message: 'type is required' });
  else if (!TYPE.test(raw.type)) problems.push({ path: '/type', message: `invalid type "${raw.type}"` });
  const type = (raw.type ?? '').toLowerCase();
  const rule = ruleFor(type);

  const qualifiers = normalizeQualifiers(raw.qualifiers, rule, mode, problems);
  checkSegments(raw.namespaceSegments, '/namespace', problems);
  checkSegments(raw.subpathSegments, '/subpath', problems);

  const namespaceText = raw.namespaceSegments.join('/');
  const namespace = namespaceText === '' ? null : applyCase(namespaceText, rule.namespaceCase);
  if (rule.namespace === 'required' && namespace === null) problems.push({ path: '/namespace', message: `namespace is required for type "${type}"` });
  if (rule.namespace === 'prohibited' && namespace !== null) problems.push({ path: '/namespace', message: `type "${type}" has no namespace` });

  const name = raw.name ? normalizeName(type, raw.name, rule, qualifiers) : '';
  if (name === '') problems.push({ path: '/name', message: 'name is required' });
  else if (rule.namePattern && !rule.namePattern.test(name))
    problems.push({ path: '/name', message: `name "${name}" does not match ${rule.namePattern.source}` });
  // cpan definition: a module name (with '::') is not a distribution name.
  if (type === 'cpan' && name.includes('::')) problems.push({ path: '/name', message: 'a cpan name is a distribution name and cannot contain "::"' });

  const version = raw.version ? applyCase(raw.version, rule.versionCase) : null;
  if (version === null && rule.versionRequired) problems.push({ path: '/version', message: `version is required for type "${type}"` });
  if (version !== null && rule.versionPattern && !rule.versionPattern.test(version)) {
    problems.push({ path: '/version', message: `version "${version}" does not match ${rule.versionPattern.source}` });
  }

  if (problems.length > 0) throw new FormatError('purl', problems);
  const subpath = raw.subpathSegments.join('/');
  return { type, namespace, name, version, qualifiers, subpath: subpath === '' ? null : subpath };
}

/** ECMA-427 §5.6.7: subpath segments that are empty, '.' or '..' are dropped. */
export function subpathSegments(segments: string[]): string[] {
  return segments.filter((s) => s !== '' && s !== '.' && s !== '..');
}
