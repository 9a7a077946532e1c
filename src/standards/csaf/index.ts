export * from './types';
export { validateCsaf, readCsaf, parseCsaf, csafReader, csafProfile } from './parse';
export { serializeCsaf, CSAF_KEY_ORDER } from './serialize';
export { csafFormat } from './format';
