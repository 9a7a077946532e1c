import { FormatError } from '../problem';
import { finishComponents, subpathSegments } from './components';
import type { PackageURL, PurlComponents } from './types';

function text(value: unknown, path: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw new FormatError('purl', [{ path, message: 'must be a string' }]);
  return value;
}

/**
 * Builds a canonical PackageURL from decoded components (purl-spec "build" tests):
 * validates them and applies the type's normalization rules.
 * @throws FormatError listing every problem found.
 */
export function buildPurl(components: PurlComponents): PackageURL {
  const qualifiers: Array<[string, string]> = [];
  for (const [key, value] of Object.entries(components.qualifiers ?? {})) {
    qualifiers.push([key, text(value, `/qualifiers/${key}`) ?? '']);
  }
  return finishComponents(
    {
      type: text(components.type, '/type'),
      namespaceSegments: (text(components.namespace, '/namespace') ?? '').split('/').filter((s) => s !== ''),
      name: text(components.name, '/name'),
      version: text(components.version, '/version'),
      qualifiers,
      subpathSegments: subpathSegments((text(components.subpath, '/subpath') ?? '').split('/')),
    },
    'lenient',
  );
}
