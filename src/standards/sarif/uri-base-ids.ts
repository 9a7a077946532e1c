import { pointer, type Problem } from '../problem';
import { isObject, type Json } from './json-value';

type Report = (path: string, message: string) => void;

// RFC 3986 §4.3: an absolute URI starts with a scheme (§3.1).
const ABSOLUTE = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/**
 * SARIF 2.1.0 §3.4.4: "If the uri property contains an absolute URI, the uriBaseId property
 * SHALL be absent." Applies to every artifactLocation (the only object with `uriBaseId`).
 */
export function checkUriBaseId(location: Json, path: string, report: Report): void {
  if (typeof location.uriBaseId === 'string' && typeof location.uri === 'string' && ABSOLUTE.test(location.uri)) {
    report(path, `uri ${location.uri} is absolute, so uriBaseId ${location.uriBaseId} must be absent (SARIF 2.1.0 §3.4.4)`);
  }
}

/**
 * SARIF 2.1.0 §3.14.14: each entry of `originalUriBaseIds` is an artifactLocation whose
 * relative uri needs a uriBaseId; whose uri ends with a single slash and has no query,
 * fragment or ".." segment (so that resolution is plain concatenation); and whose uriBaseId
 * chains do not loop.
 */
export function originalUriBaseIdProblems(run: Json, runPath: string): Problem[] {
  const problems: Problem[] = [];
  const bases = isObject(run.originalUriBaseIds) ? run.originalUriBaseIds : {};
  const basesPath = pointer(runPath, 'originalUriBaseIds');
  for (const [name, entry] of Object.entries(bases)) {
    if (!isObject(entry)) continue;
    const path = pointer(basesPath, name);
    const report = (message: string): void => void problems.push({ path, message: `${message} (SARIF 2.1.0 §3.14.14)` });
    const uri = typeof entry.uri === 'string' ? entry.uri : undefined;
    if (uri !== undefined && !ABSOLUTE.test(uri) && entry.uriBaseId === undefined) report(`uri ${uri} is a relative reference, so uriBaseId is required`);
    if (uri === undefined) continue;
    if (!uri.endsWith('/') || uri.endsWith('//')) report(`uri ${uri} must end with a single slash`);
    if (/[?#]/.test(uri)) report(`uri ${uri} must not have a query or fragment`);
    if (uri.split(/[?#]/)[0]!.split('/').includes('..')) report(`uri ${uri} must not have ".." segments`);
    if (loops(name, bases)) report(`uriBaseId chain from ${name} loops`);
  }
  return problems;
}

function loops(start: string, bases: Json): boolean {
  const seen = new Set<string>();
  for (let name: unknown = start; typeof name === 'string'; name = (bases[name] as Json | undefined)?.uriBaseId) {
    if (seen.has(name)) return true;
    seen.add(name);
    if (!isObject(bases[name])) return false;
  }
  return false;
}
