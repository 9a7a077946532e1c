export type { PackageURL, PurlComponents, PurlMode } from './types';
export { parsePurl, MAX_PURL_LENGTH } from './parse';
export { buildPurl } from './build';
export { serializePurl, normalizePurl } from './serialize';
export { PURL_TYPE_RULES, type PurlTypeRule } from './type-rules';
