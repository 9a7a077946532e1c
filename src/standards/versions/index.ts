/**
 * Version ordering for every major ecosystem: parse once, compare pre-tokenised keys.
 * Entry point: {@link ecosystemFor} with an OSV ecosystem name.
 */
export { ecosystemFor, knownEcosystems, type Ecosystem } from './registry';
export { checkVersionText, invalidVersion, type ParsedVersion, type VersionScheme } from './types';
export { alpine } from './alpine';
export { cran, hackage } from './dotted';
export { debian } from './debian';
export { generic } from './generic';
export { maven } from './maven';
export { nuget } from './nuget';
export { packagist } from './packagist';
export { pep440 } from './pep440';
export { rpm } from './rpm';
export { rubygems } from './rubygems';
export { cargoSemver, goSemver, hexSemver, lenientSemver, npmSemver, pubSemver, type SemverVersion } from './semver';
