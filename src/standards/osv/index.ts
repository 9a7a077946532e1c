export * from './types';
export { validateOsv, readOsv, parseOsv, osvReader } from './parse';
export { serializeOsv, OSV_KEY_ORDER } from './serialize';
export { osvFormat } from './format';
