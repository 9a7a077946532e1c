import { encodeComponent } from './encoding';
import { parsePurl } from './parse';
import { ruleFor } from './type-rules';
import type { PackageURL } from './types';

function encodePath(path: string): string {
  return path.split('/').map(encodeComponent).join('/');
}

/**
 * The canonical string of a PackageURL (purl-spec "How to build a purl string"): lower-case
 * type, each namespace segment, name, version, qualifiers sorted by key, and subpath
 * segments percent-encoded. Expects a value from `parsePurl` or `buildPurl`.
 */
export function serializePurl(purl: PackageURL): string {
  let out = `pkg:${purl.type}/`;
  if (purl.namespace) out += `${encodePath(purl.namespace)}/`;
  // A '/' inside a name survives only for types whose name is a path (git); elsewhere it is
  // data and is encoded.
  out += ruleFor(purl.type).singleSegmentNamespace ? encodePath(purl.name) : encodeComponent(purl.name);
  if (purl.version !== null) out += `@${encodeComponent(purl.version)}`;
  if (purl.qualifiers) {
    const pairs = Object.keys(purl.qualifiers)
      .sort()
      .map((key) => `${key}=${encodeComponent(purl.qualifiers![key]!)}`);
    if (pairs.length > 0) out += `?${pairs.join('&')}`;
  }
  if (purl.subpath) out += `#${encodePath(purl.subpath)}`;
  return out;
}

/**
 * Reads any Package URL leniently and returns its canonical string (purl-spec "validate"
 * tests): repairs upper-case types and keys, unsorted qualifiers, needless slashes and
 * non-canonical encoding.
 * @throws FormatError when the input cannot be repaired.
 */
export function normalizePurl(input: string): string {
  return serializePurl(parsePurl(input, 'lenient'));
}
