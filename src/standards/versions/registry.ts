import { FormatError } from '../problem';
import { alpine } from './alpine';
import { cran, hackage } from './dotted';
import { debian } from './debian';
import { generic } from './generic';
import { maven } from './maven';
import { nuget } from './nuget';
import { packagist } from './packagist';
import { pep440 } from './pep440';
import { rpm } from './rpm';
import { rubygems } from './rubygems';
import { cargoSemver, goSemver, hexSemver, lenientSemver, npmSemver, pubSemver } from './semver';
import type { ParsedVersion, VersionScheme } from './types';

/** OSV ecosystem names (osv-schema ecosystems.json) and the version order each uses. */
const SCHEMES: Readonly<Record<string, VersionScheme>> = {
  npm: npmSemver,
  Go: goSemver,
  Kubernetes: goSemver,
  'crates.io': cargoSemver,
  Hex: hexSemver,
  Pub: pubSemver,
  'GitHub Actions': lenientSemver,
  SwiftURL: lenientSemver,
  Bitnami: lenientSemver,
  PyPI: pep440,
  Maven: maven,
  RubyGems: rubygems,
  NuGet: nuget,
  Packagist: packagist,
  Debian: debian,
  Ubuntu: debian,
  Alpine: alpine,
  Wolfi: alpine,
  Chainguard: alpine,
  'Red Hat': rpm,
  AlmaLinux: rpm,
  'Rocky Linux': rpm,
  openSUSE: rpm,
  SUSE: rpm,
  'Azure Linux': rpm,
  openEuler: rpm,
  Mageia: rpm,
  'Photon OS': rpm,
  CRAN: cran,
  Bioconductor: cran,
  Hackage: hackage,
  GHC: hackage,
};

/** OSV ecosystems whose version order is not modelled: they get the generic fallback. */
const GENERIC_ECOSYSTEMS = [
  'Alpaquita',
  'Android',
  'BellSoft Hardened Containers',
  'CleanStart',
  'ConanCenter',
  'Docker Hardened Images',
  'Echo',
  'FreeBSD',
  'Julia',
  'Linux',
  'MinimOS',
  'opam',
  'OSS-Fuzz',
  'Root',
  'TuxCare',
  'VSCode',
];

/** An OSV ecosystem with its version order; errors name the ecosystem as given. */
export interface Ecosystem {
  /** The ecosystem string as given, e.g. `Debian:12` or `Ubuntu:22.04:LTS`. */
  readonly name: string;
  /** The ecosystem without its release or repository suffix, e.g. `Debian`. */
  readonly base: string;
  readonly scheme: VersionScheme;
  /** Parses a version; throws FormatError naming this ecosystem and the version. */
  parse(version: string): ParsedVersion;
  compare(a: ParsedVersion, b: ParsedVersion): number;
}

const BY_LOWER = new Map<string, string>([...Object.keys(SCHEMES), ...GENERIC_ECOSYSTEMS, 'generic'].map((n) => [n.toLowerCase(), n]));
const cache = new Map<string, Ecosystem>();

function make(name: string, base: string, scheme: VersionScheme): Ecosystem {
  return {
    name,
    base,
    scheme,
    parse(version) {
      try {
        return scheme.parse(version);
      } catch (err) {
        if (err instanceof FormatError && err.format !== name) throw new FormatError(name, err.problems);
        throw err;
      }
    },
    compare: (a, b) => scheme.compare(a, b),
  };
}

/**
 * The ecosystem for an OSV ecosystem string. A `:suffix` (`Debian:12`, `Alpine:v3.18`,
 * `Red Hat:rhel_aus:8.4::appstream`, `Maven:https://…`) scopes packages, not the version
 * order, so it is kept in `name` and ignored for ordering. Names match case-insensitively;
 * an unknown ecosystem is a FormatError (use `generic` explicitly for the fallback).
 */
export function ecosystemFor(name: string): Ecosystem {
  const hit = cache.get(name);
  if (hit) return hit;
  const colon = name.indexOf(':');
  const given = (colon >= 0 ? name.slice(0, colon) : name).trim();
  const base = BY_LOWER.get(given.toLowerCase());
  if (!base) {
    throw new FormatError('osv', [{ path: '', message: `unknown ecosystem ${JSON.stringify(name)}` }]);
  }
  const eco = make(name, base, SCHEMES[base] ?? generic);
  if (cache.size < 1000) cache.set(name, eco);
  return eco;
}

/** Every ecosystem name this registry knows (without suffixes). */
export function knownEcosystems(): string[] {
  return [...Object.keys(SCHEMES), ...GENERIC_ECOSYSTEMS, 'generic'];
}
