/**
 * Compiled version ranges: OSV `affected` entries, native ranges and vers. Compile once,
 * then call `matches` with versions parsed by `ecosystemFor(name).parse`.
 */
export { compileAffected, type AffectedMatcher, type OsvAffected } from './osv';
export { compileNativeRange } from './native';
export { compileNpmRange, type NpmRange } from './npm';
export { compilePep440Specifiers } from './pep440';
export { compileVers, normalizeVers, parseVers, serializeVers, sortVers, versScheme, type Vers } from './vers';
export { versFromNative } from './vers-native';
export type { Comparator, Constraint, VersionMatcher } from './types';
