export * from './types';
export { validateCve5, readCve5, parseCve5, cve5Reader, validateCve5Container, type Cve5ContainerKind } from './parse';
export { serializeCve5, CVE5_KEY_ORDER } from './serialize';
export { cve5Format } from './format';
