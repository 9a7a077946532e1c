import { PackageURL } from 'packageurl-js';
import type { OsvPackage } from '../osv/types';

/** How one OSV ecosystem maps to other naming systems. */
interface EcosystemMapping {
  /** purl-spec type (PURL-TYPES.rst). */
  readonly purlType: string;
  /** Fixed purl namespace for distribution ecosystems (e.g. `debian`). */
  readonly namespace?: string;
  /** How OSV names split into purl namespace and name (purl-spec type rules). */
  readonly split?: 'last-slash' | 'first-slash' | 'colon' | 'npm-scope';
  /** The OSV range type its versions use (OSV §affected[].ranges[].type). */
  readonly rangeType: 'SEMVER' | 'ECOSYSTEM';
  /** CVE JSON 5 `collectionURL` of the package registry. */
  readonly collectionURL?: string;
}

/** OSV ecosystem names (osv-schema ecosystems.json) → purl type, range type and registry URL. */
const ECOSYSTEMS: Readonly<Record<string, EcosystemMapping>> = {
  Go: { purlType: 'golang', split: 'last-slash', rangeType: 'SEMVER', collectionURL: 'https://pkg.go.dev' },
  npm: { purlType: 'npm', split: 'npm-scope', rangeType: 'SEMVER', collectionURL: 'https://www.npmjs.com' },
  PyPI: { purlType: 'pypi', rangeType: 'ECOSYSTEM', collectionURL: 'https://pypi.org' },
  'crates.io': { purlType: 'cargo', rangeType: 'SEMVER', collectionURL: 'https://crates.io' },
  Maven: { purlType: 'maven', split: 'colon', rangeType: 'ECOSYSTEM', collectionURL: 'https://repo.maven.apache.org/maven2' },
  RubyGems: { purlType: 'gem', rangeType: 'ECOSYSTEM', collectionURL: 'https://rubygems.org' },
  NuGet: { purlType: 'nuget', rangeType: 'ECOSYSTEM', collectionURL: 'https://www.nuget.org' },
  Packagist: { purlType: 'composer', split: 'first-slash', rangeType: 'ECOSYSTEM', collectionURL: 'https://packagist.org' },
  Hex: { purlType: 'hex', rangeType: 'SEMVER', collectionURL: 'https://hex.pm' },
  Pub: { purlType: 'pub', rangeType: 'ECOSYSTEM', collectionURL: 'https://pub.dev' },
  CRAN: { purlType: 'cran', rangeType: 'ECOSYSTEM', collectionURL: 'https://cran.r-project.org' },
  Hackage: { purlType: 'hackage', rangeType: 'ECOSYSTEM', collectionURL: 'https://hackage.haskell.org' },
  'GitHub Actions': { purlType: 'github', split: 'first-slash', rangeType: 'ECOSYSTEM', collectionURL: 'https://github.com' },
  Debian: { purlType: 'deb', namespace: 'debian', rangeType: 'ECOSYSTEM' },
  Ubuntu: { purlType: 'deb', namespace: 'ubuntu', rangeType: 'ECOSYSTEM' },
  Alpine: { purlType: 'apk', namespace: 'alpine', rangeType: 'ECOSYSTEM' },
};

/** The OSV ecosystems AISC maps to purl, range type and registry, in a stable order (for pickers). */
export const MAPPED_ECOSYSTEMS: readonly { readonly name: string; readonly purlType: string; readonly rangeType: 'SEMVER' | 'ECOSYSTEM' }[] = Object.entries(
  ECOSYSTEMS,
).map(([name, mapping]) => ({ name, purlType: mapping.purlType, rangeType: mapping.rangeType }));

/** The mapping of an OSV ecosystem, ignoring a `:release` suffix (OSV §affected[].package.ecosystem). */
function mappingOf(ecosystem: string): EcosystemMapping | undefined {
  return ECOSYSTEMS[ecosystem.split(':')[0]!];
}

/** The OSV range type for versions of an ecosystem (SEMVER where the ecosystem is SemVer). */
export function rangeTypeFor(ecosystem: string): 'SEMVER' | 'ECOSYSTEM' {
  return mappingOf(ecosystem)?.rangeType ?? 'ECOSYSTEM';
}

/** The package registry URL of an ecosystem, for CVE JSON 5 `collectionURL`. */
export function collectionUrlFor(ecosystem: string): string | undefined {
  return mappingOf(ecosystem)?.collectionURL;
}

/** The OSV ecosystem of a CVE JSON 5 `collectionURL`, when it is a known registry. */
export function ecosystemForCollectionUrl(url: string): string | undefined {
  const normalized = url.replace(/\/+$/, '');
  return Object.keys(ECOSYSTEMS).find((e) => ECOSYSTEMS[e]!.collectionURL === normalized);
}

/** The OSV ecosystem of a purl type (the first ecosystem using it). */
export function ecosystemForPurlType(type: string, namespace?: string): string | undefined {
  return Object.keys(ECOSYSTEMS).find((e) => {
    const m = ECOSYSTEMS[e]!;
    return m.purlType === type && (m.namespace === undefined || m.namespace === namespace);
  });
}

/** The purl type of an OSV ecosystem, for vers strings (vers-spec: the versioning scheme is the purl type). */
export function purlTypeFor(ecosystem: string): string {
  return mappingOf(ecosystem)?.purlType ?? 'generic';
}

function splitName(name: string, split: EcosystemMapping['split']): [string | undefined, string] {
  const cut = (at: number, width = 1): [string | undefined, string] => (at > 0 ? [name.slice(0, at), name.slice(at + width)] : [undefined, name]);
  switch (split) {
    case 'last-slash':
      return cut(name.lastIndexOf('/'));
    case 'first-slash':
      return cut(name.indexOf('/'));
    case 'colon':
      return cut(name.indexOf(':'));
    case 'npm-scope':
      return name.startsWith('@') ? cut(name.indexOf('/')) : [undefined, name];
    default:
      return [undefined, name];
  }
}

/**
 * The Package URL of an OSV package, at a version when given: the record's own `purl` when
 * it has one, otherwise built from the ecosystem and name (purl-spec PURL-TYPES rules).
 * Undefined when no valid purl can be made.
 */
export function purlFor(pkg: OsvPackage, version?: string): string | undefined {
  try {
    if (pkg.purl) {
      const base = PackageURL.fromString(pkg.purl);
      return new PackageURL(base.type, base.namespace, base.name, version ?? base.version, base.qualifiers, base.subpath).toString();
    }
    const mapping = mappingOf(pkg.ecosystem);
    if (!mapping) return undefined;
    const [namespace, name] = mapping.namespace ? [mapping.namespace, pkg.name] : splitName(pkg.name, mapping.split);
    return new PackageURL(mapping.purlType, namespace, name, version, undefined, undefined).toString();
  } catch {
    return undefined;
  }
}
