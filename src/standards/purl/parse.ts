import { FormatError, type Problem } from '../problem';
import { finishComponents, subpathSegments, type RawComponents } from './components';
import { decodeComponent } from './encoding';
import { ruleFor } from './type-rules';
import type { PackageURL, PurlMode } from './types';

/** Longest PURL accepted; a guard against pathological input, far above any real one. */
export const MAX_PURL_LENGTH = 64 * 1024;

function decodeAll(parts: string[], path: string, problems: Problem[]): string[] {
  const out: string[] = [];
  for (const part of parts) {
    const decoded = decodeComponent(part, path, problems);
    if (decoded !== null) out.push(decoded);
  }
  return out;
}

function splitRight(text: string, separator: string): [string, string | null] {
  const at = text.lastIndexOf(separator);
  return at < 0 ? [text, null] : [text.slice(0, at), text.slice(at + 1)];
}

function parseQualifiers(text: string, problems: Problem[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = eq < 0 ? pair : pair.slice(0, eq);
    // ECMA-427 §5.6.6: a key is never percent-encoded, so it is checked as written.
    const value = decodeComponent(eq < 0 ? '' : pair.slice(eq + 1), `/qualifiers/${key}`, problems);
    if (value !== null) out.push([key, value]);
  }
  return out;
}

/**
 * Reads a Package URL string as purl-spec "How to parse a purl string" describes: subpath
 * from the right on '#', qualifiers on '?', scheme on ':', type, version on the rightmost
 * '@', name, then namespace. Components are decoded and normalized per the type's rules.
 *
 * @param mode `strict` (default) rejects what the spec's required tests reject;
 *   `lenient` repairs what its recommended tests repair.
 * @throws FormatError listing every problem found.
 */
export function parsePurl(input: string, mode: PurlMode = 'strict'): PackageURL {
  if (typeof input !== 'string') throw new FormatError('purl', [{ path: '', message: 'a purl must be a string' }]);
  if (input.length > MAX_PURL_LENGTH) throw new FormatError('purl', [{ path: '', message: `longer than ${MAX_PURL_LENGTH} characters` }]);
  const problems: Problem[] = [];
  let [rest, subpathText] = splitRight(input.trim(), '#');
  const [beforeQuery, queryText] = splitRight(rest, '?');
  rest = beforeQuery;

  const colon = rest.indexOf(':');
  if (colon < 0 || rest.slice(0, colon).toLowerCase() !== 'pkg') {
    throw new FormatError('purl', [{ path: '', message: 'a purl must start with the scheme "pkg:"' }]);
  }
  // purl-spec: slashes after the scheme are not significant ("pkg://maven/…").
  rest = rest.slice(colon + 1).replace(/^\/+|\/+$/g, '');
  const slash = rest.indexOf('/');
  const type = slash < 0 ? rest : rest.slice(0, slash);
  rest = slash < 0 ? '' : rest.slice(slash + 1);
  if (type.includes('%')) problems.push({ path: '/type', message: 'the type must not be percent-encoded' });

  // The version starts at the rightmost '@' of the last segment: an '@' before the last '/'
  // is part of the namespace (`pkg:npm/@babel/core`), one inside the name is encoded.
  const at = rest.lastIndexOf('@');
  const hasVersion = at > rest.lastIndexOf('/');
  const beforeVersion = hasVersion ? rest.slice(0, at) : rest;
  const versionText = hasVersion ? rest.slice(at + 1) : null;
  // Empty namespace segments are dropped; an empty last segment is a missing name.
  const all = beforeVersion.split('/');
  const segments = [...all.slice(0, -1).filter((s) => s !== ''), all[all.length - 1]!];
  // git: the namespace is the host; the name is the repository path after it.
  const nameStart = ruleFor(type.toLowerCase()).singleSegmentNamespace ? Math.min(1, segments.length - 1) : segments.length - 1;
  const nameParts = nameStart < 0 ? [] : decodeAll(segments.slice(nameStart), '/name', problems);
  const raw: RawComponents = {
    type,
    namespaceSegments: decodeAll(segments.slice(0, Math.max(nameStart, 0)), '/namespace', problems),
    name: nameParts.join('/'),
    version: versionText === null ? null : decodeComponent(versionText, '/version', problems),
    qualifiers: queryText === null ? [] : parseQualifiers(queryText, problems),
    subpathSegments: subpathText === null ? [] : subpathSegments(decodeAll(subpathText.split('/'), '/subpath', problems)),
  };
  if (problems.length > 0) throw new FormatError('purl', problems);
  return finishComponents(raw, mode);
}
